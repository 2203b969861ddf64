"""The data model: peewee tables. No Qt here, no business rules (see services/)."""
from __future__ import annotations

import peewee as pw

from ..vn import name_sort_key, sort_key
from .base import BaseModel, SoftDeleteModel, database_proxy

# --- settings and meta -------------------------------------------------------


class Meta(pw.Model):
    """Key/value facts about the database itself (schema version)."""

    key = pw.CharField(primary_key=True, max_length=64)
    value = pw.TextField()

    class Meta:
        database = database_proxy
        table_name = "dv_meta"


class Setting(BaseModel):
    """Organisation settings as JSON values under a key (see services.settings)."""

    key = pw.CharField(max_length=100, unique=True)
    value = pw.TextField()


class User(BaseModel):
    username = pw.CharField(max_length=64, unique=True)
    full_name = pw.CharField(max_length=200)
    role = pw.CharField(max_length=20, default="clerk")  # admin / clerk / viewer
    password_hash = pw.CharField(max_length=200, null=True)
    active = pw.BooleanField(default=True)
    # schema 4 (services/accounts): confidential records, sign-in throttling, the one-person office
    confidential = pw.BooleanField(default=False)  # may open mediation cases and who raised a concern
    failed_logins = pw.IntegerField(default=0)
    locked_until = pw.DateTimeField(null=True)
    auto_sign_in = pw.BooleanField(default=False)


class AuditLog(pw.Model):
    """Who changed or viewed what, when; before and after as JSON."""

    id = pw.AutoField()
    at = pw.DateTimeField(index=True)
    username = pw.CharField(max_length=64, null=True)
    action = pw.CharField(max_length=20)  # create / update / delete / restore / view / purge
    table_name = pw.CharField(max_length=64)
    record_id = pw.IntegerField(null=True)
    record_uid = pw.CharField(max_length=36, null=True, index=True)
    before = pw.TextField(null=True)
    after = pw.TextField(null=True)

    class Meta:
        database = database_proxy
        table_name = "audit_log"


class DocumentNumber(BaseModel):
    """The last number given to a document kind of an issuing body in a year."""

    issuer = pw.CharField(max_length=200)
    kind = pw.CharField(max_length=10)  # BB, BC, KH, QĐ ...
    year = pw.IntegerField()
    last_number = pw.IntegerField(default=0)

    class Meta:
        indexes = ((("issuer", "kind", "year"), True),)


# --- areas, teams, people ----------------------------------------------------


class Area(SoftDeleteModel):
    """Địa bàn: thôn, bản, tổ dân phố, khu phố, ấp."""

    name = pw.CharField(max_length=200)
    name_folded = pw.CharField(max_length=200, index=True, default="")
    name_sort = pw.TextField(index=True, default="")  # sort keys are several times the name's length
    kind = pw.CharField(max_length=30, default="thôn")
    province = pw.CharField(max_length=200, default="")
    commune = pw.CharField(max_length=200, default="", index=True)
    commune_code = pw.CharField(max_length=20, default="")
    households = pw.IntegerField(null=True)
    population = pw.IntegerField(null=True)
    ethnic_groups = pw.CharField(max_length=300, default="")
    merged_into = pw.ForeignKeyField("self", null=True, backref="merged_from", on_delete="SET NULL")
    active = pw.BooleanField(default=True)
    notes = pw.TextField(default="")

    folded_columns = {"name_folded": ("name",)}

    @classmethod
    def derive(cls, row):
        if "name" in row:
            row["name_sort"] = sort_key(row["name"])


class AreaName(BaseModel):
    """Names an area had: a rename or a merger keeps the old name for old records."""

    area = pw.ForeignKeyField(Area, backref="names", on_delete="CASCADE")
    name = pw.CharField(max_length=200)
    valid_from = pw.DateField(null=True)
    valid_to = pw.DateField(null=True)
    reason = pw.CharField(max_length=200, default="")


class Person(SoftDeleteModel):
    full_name = pw.CharField(max_length=200)
    name_folded = pw.CharField(max_length=200, index=True, default="")
    name_sort = pw.TextField(default="")  # indexed with the search text: PERSON_LIST_INDEX below
    search_text = pw.CharField(max_length=300, index=True, default="")
    gender = pw.CharField(max_length=3, default="")  # "nam" / "nữ"
    birth_year = pw.IntegerField(null=True)
    ethnicity = pw.CharField(max_length=50, default="Kinh")
    phone = pw.CharField(max_length=30, default="")
    address = pw.CharField(max_length=300, default="")
    area = pw.ForeignKeyField(Area, null=True, backref="people", on_delete="SET NULL")
    party_member = pw.BooleanField(default=False)
    titles = pw.CharField(max_length=300, default="")  # positions outside the team
    notes = pw.TextField(default="")

    folded_columns = {"name_folded": ("full_name",)}

    @classmethod
    def derive(cls, row):
        if "full_name" in row:
            row["name_sort"] = name_sort_key(row["full_name"])
        if "full_name" in row or "phone" in row:
            from ..vn import digits, fold
            row["search_text"] = " ".join(
                p for p in (fold(row.get("full_name")), digits(row.get("phone"))) if p
            )


# The people list (services.listings.people) reads its order and its folded
# search from this index alone: live people only, in name order, so a
# keystroke neither sorts 25,000 rows nor looks the table up (migration 5).
PERSON_LIST_INDEX = "person_live_list"
Person.add_index(Person.index(Person.name_sort, Person.id, Person.search_text, name=PERSON_LIST_INDEX)
                 .where(Person.deleted_at.is_null()))


class Team(SoftDeleteModel):
    """Tổ dân vận of one area."""

    area = pw.ForeignKeyField(Area, backref="teams", on_delete="RESTRICT")
    name = pw.CharField(max_length=200)
    name_folded = pw.CharField(max_length=200, index=True, default="")
    decision_number = pw.CharField(max_length=50, default="")
    established_on = pw.DateField(null=True)
    status = pw.CharField(max_length=20, default="active")  # active / dissolved
    dissolved_on = pw.DateField(null=True)
    cadre = pw.ForeignKeyField(Person, null=True, backref="assigned_teams", on_delete="SET NULL")
    cadre_name = pw.CharField(max_length=200, default="")
    cadre_title = pw.CharField(max_length=200, default="")
    cadre_phone = pw.CharField(max_length=30, default="")
    notes = pw.TextField(default="")

    folded_columns = {"name_folded": ("name",)}


class Membership(BaseModel):
    """Person × team × role, from a date to a date. Never overwritten: a change
    of role ends one membership and starts another."""

    person = pw.ForeignKeyField(Person, backref="memberships", on_delete="CASCADE")
    team = pw.ForeignKeyField(Team, backref="memberships", on_delete="CASCADE")
    role = pw.CharField(max_length=20)  # to_truong / to_pho / thanh_vien
    position = pw.CharField(max_length=200, default="")  # Bí thư chi bộ, Trưởng thôn ...
    start_date = pw.DateField()
    end_date = pw.DateField(null=True, index=True)
    end_reason = pw.CharField(max_length=200, default="")


# --- meetings ----------------------------------------------------------------


class Meeting(SoftDeleteModel):
    team = pw.ForeignKeyField(Team, backref="meetings", on_delete="CASCADE")
    kind = pw.CharField(max_length=20, default="dinh_ky")  # dinh_ky / dot_xuat
    number = pw.CharField(max_length=50, default="")
    title = pw.CharField(max_length=300, default="")
    starts_at = pw.DateTimeField(index=True)
    ends_at = pw.DateTimeField(null=True)
    place = pw.CharField(max_length=300, default="")
    chair = pw.ForeignKeyField(Person, null=True, backref="+", on_delete="SET NULL")
    secretary = pw.ForeignKeyField(Person, null=True, backref="+", on_delete="SET NULL")
    guests = pw.TextField(default="")
    discussion = pw.TextField(default="")
    conclusions = pw.TextField(default="")
    status = pw.CharField(max_length=20, default="held")  # planned / held
    search_text = pw.TextField(default="")

    folded_columns = {"search_text": ("title", "place", "discussion", "conclusions")}


class MeetingAttendance(BaseModel):
    meeting = pw.ForeignKeyField(Meeting, backref="attendance", on_delete="CASCADE")
    person = pw.ForeignKeyField(Person, backref="+", on_delete="CASCADE")
    status = pw.CharField(max_length=20, default="present")  # present / excused / absent
    reason = pw.CharField(max_length=300, default="")

    class Meta:
        indexes = ((("meeting", "person"), True),)


class AgendaItem(BaseModel):
    meeting = pw.ForeignKeyField(Meeting, backref="agenda", on_delete="CASCADE")
    position = pw.IntegerField(default=0)
    title = pw.CharField(max_length=300)
    content = pw.TextField(default="")


class MeetingTask(BaseModel):
    """A follow-up task decided at a meeting; open ones carry into the next."""

    meeting = pw.ForeignKeyField(Meeting, backref="tasks", on_delete="CASCADE")
    assignee = pw.ForeignKeyField(Person, null=True, backref="+", on_delete="SET NULL")
    assignee_name = pw.CharField(max_length=200, default="")
    description = pw.TextField()
    due_date = pw.DateField(null=True, index=True)
    status = pw.CharField(max_length=20, default="open")  # open / done / cancelled
    done_on = pw.DateField(null=True)
    carried_from = pw.ForeignKeyField("self", null=True, backref="carried_to", on_delete="SET NULL")


# --- outreach, concerns ------------------------------------------------------


class OutreachSession(SoftDeleteModel):
    """Buổi tuyên truyền, vận động."""

    team = pw.ForeignKeyField(Team, backref="outreach_sessions", on_delete="CASCADE")
    held_on = pw.DateField(index=True)
    place = pw.CharField(max_length=300, default="")
    form = pw.CharField(max_length=100, default="Họp dân")
    topic = pw.CharField(max_length=500)
    policy = pw.CharField(max_length=500, default="")
    presenters = pw.CharField(max_length=500, default="")
    audience_total = pw.IntegerField(default=0)
    audience_women = pw.IntegerField(default=0)
    audience_minority = pw.IntegerField(default=0)
    materials = pw.CharField(max_length=500, default="")
    result = pw.TextField(default="")
    search_text = pw.TextField(default="")

    folded_columns = {"search_text": ("topic", "policy", "place", "presenters")}


class Concern(SoftDeleteModel):
    """Ý kiến, kiến nghị, tâm tư nguyện vọng of residents."""

    received_on = pw.DateField(index=True)
    channel = pw.CharField(max_length=50, default="Trực tiếp")
    raised_by = pw.CharField(max_length=200, default="")
    anonymous = pw.BooleanField(default=False)
    contact = pw.CharField(max_length=200, default="")
    area = pw.ForeignKeyField(Area, null=True, backref="concerns", on_delete="SET NULL")
    team = pw.ForeignKeyField(Team, null=True, backref="concerns", on_delete="SET NULL")
    meeting = pw.ForeignKeyField(Meeting, null=True, backref="concerns", on_delete="SET NULL")
    field = pw.CharField(max_length=100, default="Khác")
    content = pw.TextField()
    forwarded_to = pw.CharField(max_length=300, default="")
    forwarded_on = pw.DateField(null=True)
    reference_no = pw.CharField(max_length=100, default="")
    platform = pw.CharField(max_length=100, default="")
    answer = pw.TextField(default="")
    answered_on = pw.DateField(null=True)
    resolved_on = pw.DateField(null=True)
    status = pw.CharField(max_length=20, default="moi", index=True)
    due_date = pw.DateField(null=True, index=True)
    search_text = pw.TextField(default="")

    folded_columns = {"search_text": ("content", "raised_by", "forwarded_to", "field")}
    private_fields = ("raised_by", "contact", "search_text")


# --- people's supervision ------------------------------------------------------


class SupervisionActivity(SoftDeleteModel):
    """Một cuộc giám sát của Nhân dân do Tổ dân vận tổ chức: a local programme
    or project, the grassroots democracy rules (Luật Thực hiện dân chủ ở cơ sở
    2022), security, the environment; its recommendations and the answer."""

    team = pw.ForeignKeyField(Team, backref="supervision_activities", on_delete="CASCADE")
    subject = pw.CharField(max_length=500)
    kind = pw.CharField(max_length=20, default="du_an", index=True)  # vocab.SUPERVISION_KINDS
    form = pw.CharField(max_length=200, default="")
    start_date = pw.DateField(index=True)
    end_date = pw.DateField(null=True)
    participants = pw.TextField(default="")
    participant_count = pw.IntegerField(default=0)
    findings = pw.TextField(default="")
    recommendations = pw.TextField(default="")
    sent_to = pw.CharField(max_length=300, default="")
    sent_on = pw.DateField(null=True)
    answer = pw.TextField(default="")
    answered_on = pw.DateField(null=True)
    acted_on = pw.CharField(max_length=20, default="")  # "" until answered, then vocab.SUPERVISION_ACTED
    notes = pw.TextField(default="")
    search_text = pw.TextField(default="")

    folded_columns = {"search_text": ("subject", "form", "findings", "recommendations", "sent_to")}


# --- mediation ---------------------------------------------------------------


class MediationCase(SoftDeleteModel):
    """Vụ việc hòa giải ở cơ sở (Luật Hòa giải ở cơ sở 2013)."""

    area = pw.ForeignKeyField(Area, null=True, backref="mediation_cases", on_delete="SET NULL")
    team = pw.ForeignKeyField(Team, null=True, backref="mediation_cases", on_delete="SET NULL")
    number = pw.CharField(max_length=50, default="")
    received_on = pw.DateField(index=True)
    grounds = pw.CharField(max_length=30, default="party_request")
    scope = pw.CharField(max_length=30, default="dan_su")  # dan_su / hon_nhan_gia_dinh / khac
    kind = pw.CharField(max_length=100, default="")
    summary = pw.TextField(default="")
    assigned_on = pw.DateField(null=True)
    started_on = pw.DateField(null=True)
    outcome = pw.CharField(max_length=20, default="dang", index=True)
    closed_on = pw.DateField(null=True)
    agreement = pw.TextField(default="")
    carry_out_how = pw.TextField(default="")
    carry_out_by = pw.DateField(null=True)
    carried_out = pw.BooleanField(null=True)
    carried_out_on = pw.DateField(null=True)
    confidential = pw.BooleanField(default=True)
    notes = pw.TextField(default="")

    # kept out of the audit log (services.audit.snapshot): sensitive personal data
    private_fields = ("summary", "agreement", "carry_out_how", "notes")


class MediationParty(BaseModel):
    case = pw.ForeignKeyField(MediationCase, backref="parties", on_delete="CASCADE")
    name = pw.CharField(max_length=200)
    gender = pw.CharField(max_length=3, default="")
    birth_year = pw.IntegerField(null=True)
    address = pw.CharField(max_length=300, default="")
    phone = pw.CharField(max_length=30, default="")
    side = pw.CharField(max_length=20, default="A")  # A / B / lien_quan
    demands = pw.TextField(default="")

    private_fields = ("name", "birth_year", "address", "phone", "demands")


class MediationMediator(BaseModel):
    case = pw.ForeignKeyField(MediationCase, backref="mediators", on_delete="CASCADE")
    person = pw.ForeignKeyField(Person, null=True, backref="+", on_delete="SET NULL")
    name = pw.CharField(max_length=200)
    gender = pw.CharField(max_length=3, default="")
    is_lead = pw.BooleanField(default=False)


class MediationSession(BaseModel):
    case = pw.ForeignKeyField(MediationCase, backref="sessions", on_delete="CASCADE")
    held_on = pw.DateField()
    start_time = pw.CharField(max_length=5, default="")  # "08:30"; "" when not recorded
    end_time = pw.CharField(max_length=5, default="")
    place = pw.CharField(max_length=300, default="")
    attendees = pw.TextField(default="")
    content = pw.TextField(default="")

    private_fields = ("attendees", "content")


class MediationTeamMember(BaseModel):
    """A mediator of the tổ hòa giải of an area (Luật Hòa giải ở cơ sở, Điều 12):
    the team leader (to_truong) or a mediator (hoa_giai_vien), from a date to
    a date. The team, not a case, must have at least three mediators and a
    woman (services.mediation.team)."""

    area = pw.ForeignKeyField(Area, backref="mediation_team", on_delete="CASCADE")
    person = pw.ForeignKeyField(Person, backref="+", on_delete="CASCADE")
    role = pw.CharField(max_length=20, default="hoa_giai_vien")  # to_truong / hoa_giai_vien
    start_date = pw.DateField()
    end_date = pw.DateField(null=True)


# --- campaigns, households, models -------------------------------------------


class Campaign(SoftDeleteModel):
    """Phong trào, chiến dịch of the commune."""

    name = pw.CharField(max_length=300)
    kind = pw.CharField(max_length=100, default="")
    year = pw.IntegerField(index=True)
    start_date = pw.DateField(null=True)
    end_date = pw.DateField(null=True)
    description = pw.TextField(default="")


class CampaignContribution(BaseModel):
    campaign = pw.ForeignKeyField(Campaign, backref="contributions", on_delete="CASCADE")
    team = pw.ForeignKeyField(Team, backref="contributions", on_delete="CASCADE")
    households_mobilised = pw.IntegerField(default=0)
    work_days = pw.DecimalField(max_digits=12, decimal_places=1, default=0)
    money = pw.BigIntegerField(default=0)  # đồng
    materials = pw.CharField(max_length=500, default="")
    result = pw.TextField(default="")


class Household(SoftDeleteModel):
    """A poor or struggling household the teams help."""

    area = pw.ForeignKeyField(Area, backref="households_helped", on_delete="RESTRICT")
    head_name = pw.CharField(max_length=200)
    situation = pw.CharField(max_length=30, default="ngheo")  # ngheo / can_ngheo / kho_khan
    members = pw.IntegerField(null=True)
    since_year = pw.IntegerField(null=True)
    left_poverty_year = pw.IntegerField(null=True)
    notes = pw.TextField(default="")


class HouseholdSupport(BaseModel):
    household = pw.ForeignKeyField(Household, backref="support", on_delete="CASCADE")
    team = pw.ForeignKeyField(Team, null=True, backref="+", on_delete="SET NULL")
    given_on = pw.DateField()
    kind = pw.CharField(max_length=100)  # cây giống, con giống, ngày công, tư vấn, thủ tục
    description = pw.TextField(default="")
    given_by = pw.CharField(max_length=300, default="")
    value = pw.BigIntegerField(default=0)


class ExemplaryModel(SoftDeleteModel):
    """Mô hình "Dân vận khéo"."""

    team = pw.ForeignKeyField(Team, null=True, backref="exemplary_models", on_delete="SET NULL")
    name = pw.CharField(max_length=300)
    field = pw.CharField(max_length=100, default="Kinh tế")
    year = pw.IntegerField(index=True)
    description = pw.TextField(default="")
    results = pw.TextField(default="")
    level = pw.CharField(max_length=50, default="")  # xã / tỉnh / trung ương


# --- yearly rating -----------------------------------------------------------


class CriteriaSet(SoftDeleteModel):
    year = pw.IntegerField(index=True)
    name = pw.CharField(max_length=300)
    levels = pw.TextField(default="[]")  # JSON: [{"code","name","min_points"}], best first
    quota = pw.TextField(default="{}")  # JSON: {"top_level_max_share_of": ["HTXS","HTT",0.2], "min_active_months": 9}
    is_sample = pw.BooleanField(default=False)  # the shipped example, still to be adapted (schema 2)


class Criterion(BaseModel):
    criteria_set = pw.ForeignKeyField(CriteriaSet, backref="criteria", on_delete="CASCADE")
    group = pw.CharField(max_length=300, default="")
    code = pw.CharField(max_length=20)
    title = pw.TextField()
    max_points = pw.DecimalField(max_digits=6, decimal_places=1)
    metric = pw.CharField(max_length=50, default="")  # optional: suggests a score from records
    position = pw.IntegerField(default=0)


class Evaluation(BaseModel):
    criteria_set = pw.ForeignKeyField(CriteriaSet, backref="evaluations", on_delete="CASCADE")
    team = pw.ForeignKeyField(Team, backref="evaluations", on_delete="CASCADE")
    year = pw.IntegerField(index=True)
    stage = pw.CharField(max_length=20, default="")  # "" (being scored) / self / review / decided
    total = pw.DecimalField(max_digits=7, decimal_places=1, default=0)
    rating = pw.CharField(max_length=20, default="")
    self_comment = pw.TextField(default="")
    review_comment = pw.TextField(default="")
    decision_number = pw.CharField(max_length=50, default="")
    decided_on = pw.DateField(null=True)
    # when each stage was recorded and by whom (schema 2)
    self_on = pw.DateField(null=True)
    self_by = pw.CharField(max_length=200, default="")
    review_on = pw.DateField(null=True)
    review_by = pw.CharField(max_length=200, default="")
    decided_by = pw.CharField(max_length=200, default="")

    class Meta:
        indexes = ((("team", "year"), True),)


class EvaluationScore(BaseModel):
    evaluation = pw.ForeignKeyField(Evaluation, backref="scores", on_delete="CASCADE")
    criterion = pw.ForeignKeyField(Criterion, backref="+", on_delete="CASCADE")
    self_score = pw.DecimalField(max_digits=6, decimal_places=1, null=True)
    reviewed_score = pw.DecimalField(max_digits=6, decimal_places=1, null=True)
    comment = pw.TextField(default="")

    class Meta:
        indexes = ((("evaluation", "criterion"), True),)


# The overview's counts and charts read the live records of a period from
# these indexes alone (store/count_indexes.py adds them to a database made
# before them, at open). The live condition comes first: without the
# planner's statistics SQLite takes "deleted_at IS NULL" for a selective
# equality and walked the deleted_at index, then every row of the table
# (a province: 30–120 ms a count); an index that starts with it and goes on
# with the date is preferred, and answers from its own pages.
COUNT_INDEXES = (
    (Meeting, Meeting.index(Meeting.deleted_at, Meeting.status, Meeting.starts_at, Meeting.team,
                            name="meeting_live_by_start")),
    (OutreachSession, OutreachSession.index(OutreachSession.deleted_at, OutreachSession.held_on, OutreachSession.team,
                                            OutreachSession.audience_total, name="outreach_session_live_by_day")),
    (Concern, Concern.index(Concern.deleted_at, Concern.received_on, Concern.status, Concern.due_date, Concern.team,
                            name="concern_live_by_received")),
    (SupervisionActivity, SupervisionActivity.index(SupervisionActivity.deleted_at, SupervisionActivity.start_date,
                                                    name="supervision_activity_live_by_start")),
    # the few open tasks among tens of thousands done (the overdue tasks' count)
    (MeetingTask, MeetingTask.index(MeetingTask.status, MeetingTask.due_date, name="meeting_task_open_by_due")),
)
for _model, _index in COUNT_INDEXES:
    _model.add_index(_index)


ALL_MODELS: list[type[pw.Model]] = [
    Meta, Setting, User, AuditLog, DocumentNumber,
    Area, AreaName, Person, Team, Membership,
    Meeting, MeetingAttendance, AgendaItem, MeetingTask,
    OutreachSession, Concern,
    MediationCase, MediationParty, MediationMediator, MediationSession, MediationTeamMember,
    Campaign, CampaignContribution, Household, HouseholdSupport, ExemplaryModel,
    CriteriaSet, Criterion, Evaluation, EvaluationScore,
    SupervisionActivity,
]
