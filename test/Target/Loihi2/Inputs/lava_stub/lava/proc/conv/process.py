from lava import Process


class Conv(Process):
    pass
