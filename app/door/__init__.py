"""The staff door's lock relay: a USB relay board on a serial or USB-CDC port."""
