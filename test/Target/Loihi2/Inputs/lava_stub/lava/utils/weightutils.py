import enum


class SignMode(enum.IntEnum):
    NULL = 0
    MIXED = 1
    EXCITATORY = 2
    INHIBITORY = 3
