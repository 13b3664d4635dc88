// No network here.
