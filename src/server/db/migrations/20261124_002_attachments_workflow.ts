/** Attachments, notifications and the one review workflow (applications, steps, events). */
export const statements: string[] = [
  `create table attachments (
    id bigint generated always as identity primary key,
    owner_type text,
    owner_id bigint,
    name text not null,
    mime text not null,
    size int not null check (size > 0),
    sha256 text not null,
    storage_key text not null unique,
    uploaded_by int not null references users(id),
    created_at timestamptz not null default now(),
    linked_at timestamptz,
    check ((owner_type is null) = (owner_id is null))
  )`,
  `create index attachments_owner_idx on attachments (owner_type, owner_id)`,
  `create index attachments_unlinked_idx on attachments (uploaded_by, created_at) where owner_type is null`,

  `create table notifications (
    id bigint generated always as identity primary key,
    user_id int not null references users(id),
    kind text not null,
    title text not null,
    body text,
    link text,
    created_at timestamptz not null default now(),
    read_at timestamptz
  )`,
  `create index notifications_user_idx on notifications (user_id, id desc)`,
  `create index notifications_unread_idx on notifications (user_id) where read_at is null`,

  // Per-type overrides of the declared review steps (district staff configure them).
  `create table workflow_type_config (
    type text primary key,
    steps jsonb not null,
    updated_by int references users(id),
    updated_at timestamptz not null default now()
  )`,

  `create table applications (
    id bigint generated always as identity primary key,
    type text not null,
    org_id int not null references orgs(id),
    person_id int references persons(id),
    applicant_user_id int not null references users(id),
    title text not null,
    amount_fen bigint check (amount_fen >= 0),
    approved_fen bigint check (approved_fen >= 0),
    period_key text,
    status text not null check (status in ('in_review', 'returned', 'approved', 'rejected', 'withdrawn', 'paid')),
    current_step int not null default 0,
    current_org_id int references orgs(id),
    steps jsonb not null,
    step_due_at timestamptz,
    submitted_at timestamptz not null default now(),
    decided_at timestamptz,
    paid_at timestamptz,
    payment_batch_id bigint,
    payee_name text,
    payee_account_enc text,
    payee_account_masked text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  // One person receives one type at most once per period, however the approvals race.
  `create unique index applications_once_per_period on applications (type, person_id, period_key)
     where status in ('approved', 'paid') and period_key is not null and person_id is not null`,
  `create index applications_org_idx on applications (org_id, status)`,
  `create index applications_person_idx on applications (person_id)`,
  `create index applications_applicant_idx on applications (applicant_user_id)`,
  `create index applications_review_idx on applications (current_org_id, step_due_at) where status = 'in_review'`,

  `create table application_events (
    id bigint generated always as identity primary key,
    application_id bigint not null references applications(id),
    at timestamptz not null default now(),
    action text not null check (action in ('submit', 'approve', 'return', 'reject', 'resubmit', 'withdraw', 'pay')),
    step int,
    step_name text,
    org_id int,
    user_id int,
    user_name text,
    comment text,
    from_status text,
    to_status text not null
  )`,
  `create index application_events_app_idx on application_events (application_id, id)`,
  `create trigger application_events_append_only before update or delete on application_events
   for each row execute function gh_forbid_change()`,
];
