"""Where things live (:mod:`.places`) and writing a file whole or not at all (:mod:`.atomic`):
a leaf of the package, below everything that reads or writes files, importing nothing of ours
but :mod:`lenet_desktop.messages`."""
