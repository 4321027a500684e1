"""The desk's multi-step flows as plain-Python state machines (no Qt).

Widgets render a flow's ``state`` and forward the user's actions to it; a flow calls the services
in the right order and knows what ``abandon()`` must undo at each step. See docs/ARCHITECTURE.md.
"""
