/** Reform plans, tasks, milestones, indicators, progress reports, supervision notices. */
export const statements: string[] = [
  `create table reform_plans (
    id int generated always as identity primary key,
    org_id int not null references orgs(id),
    year int not null check (year between 2000 and 2100),
    title text not null,
    status text not null default 'draft' check (status in ('draft', 'published')),
    created_by int references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (org_id, year)
  )`,

  // status … status_recheck_on are computed by src/shared/reform/status.ts and stored so lists
  // can filter and page on them in SQL; every write recomputes them, and a read first
  // recomputes the rows whose recheck day has come (time alone can change a status).
  `create table reform_tasks (
    id bigint generated always as identity primary key,
    plan_id int not null references reform_plans(id),
    code text not null,
    title text not null,
    description text,
    category text not null,
    lead_org_id int not null references orgs(id),
    start_on date not null,
    deadline date not null,
    report_cycle text not null default 'monthly' check (report_cycle in ('monthly', 'quarterly')),
    source text,
    completed_on date,
    completed_by int references users(id),
    status text not null default 'on_track' check (status in ('on_track', 'at_risk', 'overdue', 'done')),
    status_late boolean not null default false,
    status_reasons text[] not null default '{}',
    status_recheck_on date,
    done_on date,
    official_percent int,
    official_done_on date,
    last_official_report_on date,
    report_count int not null default 0,
    created_by int references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (plan_id, code),
    check (deadline >= start_on)
  )`,
  `create index reform_tasks_lead_idx on reform_tasks (lead_org_id)`,
  `create index reform_tasks_plan_status_idx on reform_tasks (plan_id, status)`,
  `create index reform_tasks_recheck_idx on reform_tasks (status_recheck_on) where status_recheck_on is not null`,

  `create table reform_task_co_units (
    task_id bigint not null references reform_tasks(id) on delete cascade,
    org_id int not null references orgs(id),
    primary key (task_id, org_id)
  )`,
  `create index reform_task_co_units_org_idx on reform_task_co_units (org_id)`,

  `create table reform_milestones (
    id bigint generated always as identity primary key,
    task_id bigint not null references reform_tasks(id) on delete cascade,
    title text not null,
    due_on date not null,
    done_on date,
    sort int not null default 0
  )`,
  `create index reform_milestones_task_idx on reform_milestones (task_id)`,

  `create table reform_indicators (
    id bigint generated always as identity primary key,
    task_id bigint not null references reform_tasks(id) on delete cascade,
    name text not null,
    unit text not null default '',
    target numeric not null,
    actual numeric,
    sort int not null default 0
  )`,
  `create index reform_indicators_task_idx on reform_indicators (task_id)`,

  // One report per task, unit and period; filing again for an open period revises it.
  `create table reform_progress_reports (
    id bigint generated always as identity primary key,
    task_id bigint not null references reform_tasks(id),
    org_id int not null references orgs(id),
    period_key text not null,
    content text not null,
    percent int not null check (percent between 0 and 100),
    is_official boolean not null,
    submitted_by int references users(id),
    submitted_at timestamptz not null default now(),
    revision int not null default 1,
    unique (task_id, org_id, period_key)
  )`,
  `create index reform_reports_task_idx on reform_progress_reports (task_id, submitted_at desc)`,

  `create table reform_report_indicator_values (
    report_id bigint not null references reform_progress_reports(id) on delete cascade,
    indicator_id bigint not null references reform_indicators(id) on delete cascade,
    value numeric not null,
    primary key (report_id, indicator_id)
  )`,

  `create table reform_supervisions (
    id bigint generated always as identity primary key,
    task_id bigint not null references reform_tasks(id),
    issued_by int references users(id),
    issued_at timestamptz not null default now(),
    reason text not null,
    reply_due date not null,
    reply_text text,
    replied_by int references users(id),
    replied_at timestamptz,
    closed_at timestamptz,
    closed_by int references users(id),
    close_note text
  )`,
  `create index reform_supervisions_task_idx on reform_supervisions (task_id)`,
];
