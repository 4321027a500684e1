"""Resident ID card readers on a serial or USB-CDC port: the frame protocol, the reader, the polling loop."""
