/** Mutual-aid plans, enrolments and secondary-reimbursement claims. */
export const statements: string[] = [
  // A plan is one year's product (住院医疗 2026 …); its rules drive src/shared/mutual-aid/reimbursement.ts.
  `create table mutual_aid_plans (
    id bigint generated always as identity primary key,
    year int not null check (year between 2000 and 2100),
    name text not null,
    kind text not null check (kind in ('hospital', 'critical_illness', 'accident', 'female_special', 'other')),
    premium_fen bigint not null check (premium_fen >= 0),
    deductible_fen bigint not null check (deductible_fen >= 0),
    deductible_basis text not null check (deductible_basis in ('per_claim', 'per_year')),
    ratio_bp int not null check (ratio_bp between 1 and 10000),
    cap_per_claim_fen bigint check (cap_per_claim_fen > 0),
    cap_per_year_fen bigint check (cap_per_year_fen > 0),
    waiting_days int not null check (waiting_days between 0 and 3650),
    status text not null default 'open' check (status in ('open', 'closed')),
    description text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (year, name)
  )`,

  `create table mutual_aid_enrolments (
    id bigint generated always as identity primary key,
    plan_id bigint not null references mutual_aid_plans(id),
    person_id int not null references persons(id),
    org_id int not null references orgs(id),
    enterprise_id int references enterprises(id),
    enrolled_on date not null,
    premium_fen bigint not null check (premium_fen >= 0),
    status text not null default 'active' check (status in ('active', 'cancelled')),
    cancelled_on date,
    cancel_reason text,
    created_by int references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  // One live enrolment per person and plan; bulk enrolment relies on it to skip the already enrolled.
  `create unique index mutual_aid_enrolments_once on mutual_aid_enrolments (plan_id, person_id) where status = 'active'`,
  `create index mutual_aid_enrolments_org_idx on mutual_aid_enrolments (org_id, plan_id)`,
  `create index mutual_aid_enrolments_person_idx on mutual_aid_enrolments (person_id)`,

  // The claim's detail beside its workflow application (same id); amounts as last computed.
  `create table mutual_aid_claims (
    application_id bigint primary key references applications(id),
    plan_id bigint not null references mutual_aid_plans(id),
    enrolment_id bigint not null references mutual_aid_enrolments(id),
    person_id int not null references persons(id),
    diagnosis text not null,
    base_fen bigint not null check (base_fen >= 0),
    deductible_applied_fen bigint not null check (deductible_applied_fen >= 0),
    eligible_fen bigint not null check (eligible_fen >= 0),
    calc jsonb not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index mutual_aid_claims_plan_person_idx on mutual_aid_claims (plan_id, person_id)`,
  `create index mutual_aid_claims_enrolment_idx on mutual_aid_claims (enrolment_id)`,

  `create table mutual_aid_claim_bills (
    id bigint generated always as identity primary key,
    application_id bigint not null references mutual_aid_claims(application_id),
    seq int not null,
    hospital text not null,
    visit_date date not null,
    discharge_date date,
    total_fen bigint not null check (total_fen > 0),
    insurance_paid_fen bigint not null check (insurance_paid_fen >= 0),
    self_paid_fen bigint not null check (self_paid_fen >= 0),
    base_fen bigint not null check (base_fen >= 0),
    check (insurance_paid_fen + self_paid_fen <= total_fen),
    check (discharge_date is null or discharge_date >= visit_date),
    unique (application_id, seq)
  )`,
];
