"""The learner's own code: read, run in a box, compared with ours. Qt-free."""
