/** Reform groups, policy documents, meetings, budget lines and spending, activities. */
export const statements: string[] = [
  // A group is one term (届) of the coordination group (领导小组/协调小组) or the working group (工作专班).
  `create table reform_groups (
    id bigint generated always as identity primary key,
    kind text not null check (kind in ('coordination', 'working')),
    name text not null,
    term_no int not null check (term_no > 0),
    start_year int not null check (start_year between 1949 and 2100),
    end_year int check (end_year is null or end_year >= start_year),
    note text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (kind, term_no)
  )`,
  // A change of a member's person, unit, position, role or phone ends one row and starts the next,
  // so the term's history shows who held which seat when.
  `create table reform_group_members (
    id bigint generated always as identity primary key,
    group_id bigint not null references reform_groups(id),
    name text not null,
    org_id int not null references orgs(id),
    position_title text,
    role text not null check (role in ('leader', 'deputy', 'member', 'liaison')),
    phone text,
    started_on date not null,
    ended_on date,
    end_reason text,
    previous_id bigint references reform_group_members(id),
    created_at timestamptz not null default now(),
    check (ended_on is null or ended_on >= started_on)
  )`,
  `create index reform_group_members_group_idx on reform_group_members (group_id, ended_on)`,
  `create unique index reform_group_one_leader on reform_group_members (group_id) where role = 'leader' and ended_on is null`,

  `create table reform_documents (
    id bigint generated always as identity primary key,
    doc_type text not null check (doc_type in ('plan', 'opinion', 'key_points', 'work_plan', 'notice')),
    title text not null,
    issuer_org_id int not null references orgs(id),
    doc_no text not null,
    doc_no_year int not null,
    doc_no_seq int not null,
    issued_on date not null,
    effective_on date,
    summary text,
    created_by int references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (issuer_org_id, doc_no)
  )`,
  `create index reform_documents_issued_idx on reform_documents (issued_on desc, id desc)`,

  // The generic activity log (S2); other modules link their records through source_module/source_id.
  `create table activities (
    id bigint generated always as identity primary key,
    type text not null,
    title text not null,
    held_on date not null,
    org_id int not null references orgs(id),
    place text,
    participant_count int check (participant_count is null or participant_count >= 0),
    summary text,
    task_id bigint references reform_tasks(id),
    source_module text,
    source_id bigint,
    created_by int references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((source_module is null) = (source_id is null))
  )`,
  `create index activities_org_idx on activities (org_id, held_on desc)`,
  `create index activities_held_idx on activities (held_on desc, id desc)`,
  `create index activities_type_idx on activities (type, held_on)`,
  `create index activities_source_idx on activities (source_module, source_id) where source_module is not null`,
  `create table activity_participants (
    id bigint generated always as identity primary key,
    activity_id bigint not null references activities(id) on delete cascade,
    name text not null,
    org_name text
  )`,
  `create index activity_participants_activity_idx on activity_participants (activity_id)`,

  `create table reform_meetings (
    id bigint generated always as identity primary key,
    kind text not null check (kind in ('seminar', 'progress', 'coordination')),
    title text not null,
    held_on date not null,
    place text,
    org_id int not null references orgs(id),
    host text,
    minutes text,
    created_by int references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index reform_meetings_org_idx on reform_meetings (org_id, held_on desc)`,
  `create index reform_meetings_held_idx on reform_meetings (held_on desc, id desc)`,
  `create table reform_meeting_attendees (
    id bigint generated always as identity primary key,
    meeting_id bigint not null references reform_meetings(id) on delete cascade,
    org_id int references orgs(id),
    name text,
    check (org_id is not null or name is not null)
  )`,
  `create index reform_meeting_attendees_meeting_idx on reform_meeting_attendees (meeting_id)`,
  `create table reform_meeting_decisions (
    id bigint generated always as identity primary key,
    meeting_id bigint not null references reform_meetings(id) on delete cascade,
    seq int not null,
    content text not null,
    task_id bigint references reform_tasks(id),
    unique (meeting_id, seq)
  )`,

  `create table budget_lines (
    id bigint generated always as identity primary key,
    year int not null check (year between 2000 and 2100),
    name text not null,
    amount_fen bigint not null check (amount_fen > 0),
    note text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (year, name)
  )`,
  `create table budget_spendings (
    id bigint generated always as identity primary key,
    line_id bigint not null references budget_lines(id),
    spent_on date not null,
    amount_fen bigint not null check (amount_fen > 0),
    payee text not null,
    purpose text not null,
    activity_id bigint references activities(id),
    task_id bigint references reform_tasks(id),
    over_budget boolean not null default false,
    over_reason text,
    voided_at timestamptz,
    void_reason text,
    created_by int references users(id),
    created_at timestamptz not null default now(),
    check (not over_budget or over_reason is not null),
    check ((voided_at is null) = (void_reason is null))
  )`,
  `create index budget_spendings_line_idx on budget_spendings (line_id, spent_on desc)`,
  `create index budget_spendings_activity_idx on budget_spendings (activity_id) where activity_id is not null`,
];
