#!/usr/bin/python3
"""Prints the layout of an HDF5 file as nir.write makes it: every group and
dataset with its dtype, shape and compression (values left out), sorted, so
that two files can be compared with diff.

usage: structure.py FILE
"""
import sys

import h5py


def visit(name, obj):
    if isinstance(obj, h5py.Dataset):
        dtype = "string" if h5py.check_string_dtype(obj.dtype) else str(obj.dtype)
        print("%s dtype=%s shape=%s compression=%s"
              % (name, dtype, obj.shape, obj.compression))
    else:
        print(name + "/")


with h5py.File(sys.argv[1], "r") as f:
    f.visititems(visit)
