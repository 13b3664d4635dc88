from lava import Process


class Sparse(Process):
    pass


class DelaySparse(Process):
    pass


class LearningSparse(Process):
    pass
