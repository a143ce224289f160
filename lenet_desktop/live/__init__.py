"""Your notebook, live in the app: one line before the training loop,

.. code-block:: python

    from lenet_desktop import live
    live.watch(net)  # then train as the book does: d2l.train_ch6(net, …)

and the window follows the network as it learns — its maps, probabilities, kernels and
explanations on the learner's drawing. ``live.show(net)`` sends a network once.

The notebook's side (:mod:`.watching`, :mod:`.structure`, :mod:`.channel`) imports torch and
the standard library only; the app's side (:mod:`.receiver`, :mod:`.network`,
:mod:`.follower`) reads what arrives.
"""

from lenet_desktop.live.watching import Watch, show, watch

__all__ = ["Watch", "show", "watch"]
