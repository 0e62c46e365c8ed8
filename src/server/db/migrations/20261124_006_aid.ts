/** Aid types, aid applications, payment batches, seasonal campaigns and distributions. */
export const statements: string[] = [
  // Per-year amounts of each aid type, set by the district (assist.manage); integer fen.
  `create table aid_year_rules (
    year int not null check (year between 2000 and 2100),
    aid_type text not null check (aid_type in ('living', 'medical', 'education', 'winter', 'summer', 'temporary')),
    cap_fen bigint not null check (cap_fen > 0),
    fixed_fen bigint check (fixed_fen > 0),
    threshold_fen bigint check (threshold_fen >= 0),
    ratio_bp int check (ratio_bp between 1 and 10000),
    updated_by int references users(id),
    updated_at timestamptz not null default now(),
    primary key (year, aid_type),
    check (fixed_fen is null or fixed_fen <= cap_fen)
  )`,

  // Seasonal campaigns 四季送; an aid type drawing on a campaign's budget links applications to it.
  `create table aid_campaigns (
    id bigint generated always as identity primary key,
    year int not null check (year between 2000 and 2100),
    season text not null check (season in ('spring', 'summer', 'autumn', 'winter')),
    name text not null,
    org_id int not null references orgs(id),
    budget_fen bigint not null check (budget_fen >= 0),
    target_groups text[] not null default '{}',
    starts_on date,
    ends_on date,
    note text,
    created_by int references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (ends_on is null or starts_on is null or ends_on >= starts_on)
  )`,
  `create index aid_campaigns_year_idx on aid_campaigns (year, season)`,
  `create index aid_campaigns_org_idx on aid_campaigns (org_id)`,

  // The aid-specific part of a workflow application (applications.id is the key).
  `create table aid_applications (
    application_id bigint primary key references applications(id),
    aid_type text not null,
    period_key text not null,
    person_id int not null references persons(id),
    org_id int not null references orgs(id),
    reason text not null,
    requested_fen bigint check (requested_fen >= 0),
    computed_fen bigint not null check (computed_fen > 0),
    amount_steps jsonb not null default '[]',
    details jsonb not null default '{}',
    hardship_record_id bigint,
    hardship_tier text,
    payee_bank text,
    campaign_id bigint references aid_campaigns(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index aid_applications_type_period_idx on aid_applications (aid_type, period_key)`,
  `create index aid_applications_person_idx on aid_applications (person_id)`,
  `create index aid_applications_org_idx on aid_applications (org_id)`,
  `create index aid_applications_campaign_idx on aid_applications (campaign_id) where campaign_id is not null`,

  // Payment batches: generic over approved applications of any type (aid, mutual-aid claims).
  `create table payment_batches (
    id bigint generated always as identity primary key,
    title text not null,
    note text,
    status text not null default 'open' check (status in ('open', 'paid')),
    item_count int not null check (item_count > 0),
    total_fen bigint not null check (total_fen > 0),
    created_by int references users(id),
    created_at timestamptz not null default now(),
    exported_at timestamptz,
    paid_by int references users(id),
    paid_at timestamptz,
    paid_on date
  )`,
  // An application is in at most one batch, whatever two district staff do at the same moment.
  `create table payment_batch_items (
    batch_id bigint not null references payment_batches(id),
    application_id bigint not null references applications(id),
    seq int not null,
    amount_fen bigint not null check (amount_fen > 0),
    primary key (batch_id, seq),
    unique (application_id)
  )`,

  // What a campaign handed out: cash or goods (with their value), to a member or a group, by whom.
  `create table aid_distributions (
    id bigint generated always as identity primary key,
    campaign_id bigint not null references aid_campaigns(id),
    kind text not null check (kind in ('cash', 'goods')),
    value_fen bigint not null check (value_fen >= 0),
    goods text,
    recipient_person_id int references persons(id),
    recipient_text text,
    recipient_count int not null default 1 check (recipient_count > 0),
    org_id int not null references orgs(id),
    distributed_by int references users(id),
    distributed_on date not null,
    application_id bigint unique references applications(id),
    note text,
    created_at timestamptz not null default now(),
    check (recipient_person_id is not null or recipient_text is not null),
    check (kind = 'cash' or goods is not null)
  )`,
  `create index aid_distributions_campaign_idx on aid_distributions (campaign_id, distributed_on)`,
  `create index aid_distributions_org_idx on aid_distributions (org_id)`,
];
