from lava import Process


class LIF(Process):
    pass


class LIFReset(Process):
    pass


class TernaryLIF(Process):
    pass
