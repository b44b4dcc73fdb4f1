"""pharmacy_desk: the membership desk of one retail pharmacy (药店会员管理)."""

__version__ = "0.1.0"
APP_NAME = "pharmacy_desk"
APP_TITLE = "药店会员管理"
