from lava import Process


class RingBuffer(Process):
    pass
