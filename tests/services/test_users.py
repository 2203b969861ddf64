import pytest

from dvdesktop.errors import ValidationError
from dvdesktop.services.core import audit
from dvdesktop.services.register import PersonService
from dvdesktop.services.users import UserService
from dvdesktop.store.models import AuditLog


def test_users_passwords_and_audit_name(db):
    user = UserService.create({"username": "CanBo.Xa", "full_name": "Lường Thị Hoa"})
    assert user.username == "canbo.xa"
    with pytest.raises(ValidationError):
        UserService.create({"username": "canbo.xa", "full_name": "Người Khác"})
    with pytest.raises(ValidationError):
        UserService.create({"username": "cán bộ", "full_name": "Người Khác"})
    UserService.set_password(user.id, "mat-khau-dai")
    assert UserService.authenticate("CANBO.XA", "mat-khau-dai").id == user.id
    assert UserService.authenticate("canbo.xa", "sai") is None
    audit.set_current_user("canbo.xa")
    try:
        PersonService.create({"full_name": "Tòng Văn Panh"})
    finally:
        audit.set_current_user(None)
    assert AuditLog.select().order_by(AuditLog.id.desc()).first().username == "canbo.xa"
