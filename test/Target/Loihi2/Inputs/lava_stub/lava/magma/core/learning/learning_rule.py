from lava import Recorded


class Loihi2FLearningRule(Recorded):
    pass
