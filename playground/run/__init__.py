"""The training process and its protocol: typed messages and the loop the child runs. Qt-free."""
