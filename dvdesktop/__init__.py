"""dvdesktop: the commune office's register of Tổ dân vận."""
__version__ = "0.1.0"
