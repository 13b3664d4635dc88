from lava import Process


class Dense(Process):
    pass


class DelayDense(Process):
    pass


class LearningDense(Process):
    pass
