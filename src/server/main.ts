import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { sql } from 'kysely';
import { loadConfig } from './config.js';
import { bootstrap } from './bootstrap.js';
import { buildApp } from './app.js';
import { systemActor } from './access/actor.js';
import { ROLES, type Role } from './access/roles.js';
import { AppError } from './http/errors.js';
import type { AppContext } from './context.js';
import { createUser, resetPassword } from './modules/auth/users.service.js';
import { createDemoUsers, isEmpty, seedDemo, DEFAULT_DEMO_MEMBERS } from './modules/demo/demo.seed.js';
import { seedModuleDemos } from './modules/demo/modules.seed.js';
import { resolveOrgForActor } from './modules/orgs/orgs.service.js';
import { createMemberImport, getImport } from './modules/imports/imports.service.js';
import { runMemberImport } from './modules/imports/member-import.js';
import { ImportQueue } from './modules/imports/import-queue.js';
import { exportMembers } from './modules/members/members.export.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cliActor = () => systemActor(`cli:${process.env.USER ?? 'operator'}`);

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const { ctx, database } = await bootstrap(loadConfig());
  try {
    return await fn(ctx);
  } finally {
    await database.close();
  }
}

/** The first administrator: password from ADMIN_PASSWORD, or generated and printed once. */
async function ensureAdmin(ctx: AppContext): Promise<string | undefined> {
  const any = await ctx.db.selectFrom('users').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  if (any.n > 0) return undefined;
  const given = ctx.config.adminPassword;
  const res = await createUser(ctx, cliActor(), { username: 'admin', displayName: '系统管理员', role: 'district_admin', password: given, mustChangePassword: !given });
  return res.password ?? '(ADMIN_PASSWORD)';
}

async function seed(ctx: AppContext, members: number) {
  const bar = new cliProgress.SingleBar({ format: '  演示数据 [{bar}] {value}/{total} 名会员', hideCursor: true }, cliProgress.Presets.shades_classic);
  const interactive = process.stdout.isTTY;
  if (interactive) bar.start(members, 0);
  const t0 = Date.now();
  const { orgIds, members: n } = await seedDemo(ctx, cliActor(), { members, onProgress: (d) => interactive && bar.update(d) });
  if (interactive) bar.stop();
  console.log(`已载入演示数据：${orgIds.size} 个组织，${n} 名会员（${((Date.now() - t0) / 1000).toFixed(1)} 秒）`);
  await ensureAdmin(ctx).then((pw) => pw && printAdmin(pw));
  const logins = await createDemoUsers(ctx, cliActor(), orgIds, process.env.DEMO_PASSWORD || undefined);
  await seedModuleDemos(ctx, cliActor());
  console.log('演示账号（首次登录须修改密码）：');
  for (const l of logins) console.log(`  ${l.username.padEnd(12)} ${l.password ?? ''}  ${l.description}`);
}

function printAdmin(password: string) {
  console.log('首次登录：用户名 admin，密码 ' + password + (password.startsWith('(') ? '' : '（仅显示这一次，登录后须立即修改）'));
}

const program = new Command().name('gonghui').description('区总工会工作平台');

program
  .command('serve')
  .description('迁移数据库并启动服务')
  .option('--seed-demo', '数据库为空时载入演示数据')
  .action(async (opts: { seedDemo?: boolean }) => {
    const config = loadConfig();
    const { ctx, database, migrated } = await bootstrap(config);
    if (migrated.length) console.log(`数据库迁移：${migrated.join(', ')}`);
    if (opts.seedDemo && (await isEmpty(ctx))) {
      const n = Number(process.env.DEMO_MEMBERS ?? DEFAULT_DEMO_MEMBERS);
      console.log(`数据库为空，正在载入演示数据（${n} 名会员）…`);
      await seed(ctx, n);
    } else {
      const pw = await ensureAdmin(ctx);
      if (pw) printAdmin(pw);
    }
    await ImportQueue.recover(ctx);
    const { app, imports } = await buildApp(ctx, { logger: process.env.LOG === '1', webDir: process.env.WEB_DIR ? path.resolve(process.env.WEB_DIR) : path.join(ROOT, 'dist/web') });
    await app.listen({ port: config.port, host: config.host });
    const where = config.databaseUrl ? 'PostgreSQL' : `内置数据库 ${path.join(config.dataDir, 'pgdata')}`;
    console.log(`gonghui 已启动：http://localhost:${config.port}  （接口文档 /api/docs，数据：${where}）`);
    const stop = async () => {
      await app.close();
      await imports.idle();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program.command('migrate').description('执行数据库迁移').action(() =>
  withContext(async () => console.log('数据库已是最新结构')));

program
  .command('seed')
  .description('载入演示数据（仅限空数据库）')
  .option('--demo', '演示数据')
  .option('--members <n>', '会员人数', String(DEFAULT_DEMO_MEMBERS))
  .action((opts: { demo?: boolean; members: string }) =>
    withContext(async (ctx) => {
      if (!opts.demo) throw new AppError(400, 'USAGE', '请指定 --demo', 'Use --demo');
      if (!(await isEmpty(ctx))) throw new AppError(409, 'NOT_EMPTY', '数据库已有数据，演示数据只能载入空数据库', 'The database is not empty');
      await seed(ctx, Number(opts.members));
    }));

const imp = program.command('import').description('导入');
imp
  .command('members <file>')
  .description('导入会员花名册 .xlsx')
  .requiredOption('--org <org>', '导入到的工会：编号、信用代码或准确名称')
  .option('--json', '以 JSON 输出结果（与接口相同）')
  .action((file: string, opts: { org: string; json?: boolean }) =>
    withContext(async (ctx) => {
      const actor = cliActor();
      const org = await resolveOrgForActor(ctx, actor, opts.org);
      const tmp = path.join(ctx.config.dataDir, 'imports', `cli-${process.pid}-${Date.now()}.xlsx`);
      fs.mkdirSync(path.dirname(tmp), { recursive: true });
      fs.copyFileSync(file, tmp);
      const { id, file: stored } = await createMemberImport(ctx, actor, org.id, { tmpPath: tmp, filename: path.basename(file) });
      const bar = new cliProgress.SingleBar({ format: '  导入 [{bar}] 已处理 {value} 行 | 导入 {imported} | 退回 {rejected}', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic);
      const show = !opts.json && process.stderr.isTTY;
      if (show) bar.start(0, 0, { imported: 0, rejected: 0 });
      await runMemberImport(ctx, actor, id, stored, (p) => {
        if (show) { bar.setTotal(p.total); bar.update(p.total, { imported: p.imported, rejected: p.rejected }); }
      });
      if (show) bar.stop();
      const result = await getImport(ctx, actor, id);
      if (opts.json) console.log(JSON.stringify(result, null, 2));
      else {
        console.log(`导入${result.status === 'done' ? '完成' : '失败'}：共 ${result.total} 行，导入 ${result.imported} 行，退回 ${result.rejected} 行${result.message ? '（' + result.message + '）' : ''}`);
        for (const e of result.errors.slice(0, 20)) console.log(`  第${e.row}行 ${e.column}：${e.reason}`);
        if (result.errors.length > 20) console.log(`  …其余错误见 GET /api/v1/imports/${id}/errors.xlsx`);
      }
      if (result.status !== 'done') process.exitCode = 1;
    }));

program
  .command('export')
  .description('导出')
  .command('members <file>')
  .requiredOption('--org <org>', '工会：编号、信用代码或准确名称')
  .option('--unmask', '导出完整证件号码（记入审计）')
  .action((file: string, opts: { org: string; unmask?: boolean }) =>
    withContext(async (ctx) => {
      const actor = cliActor();
      const org = await resolveOrgForActor(ctx, actor, opts.org);
      const out = fs.createWriteStream(file);
      const done = new Promise<void>((resolve, reject) => { out.on('finish', () => resolve()); out.on('error', reject); });
      const n = await exportMembers(ctx, actor, { orgId: org.id }, out, { unmask: opts.unmask });
      await done;
      console.log(`已导出 ${n} 名会员到 ${file}${opts.unmask ? '' : '（证件号与手机号已脱敏）'}`);
    }));

const user = program.command('user').description('用户管理');
user
  .command('add <username>')
  .addOption(new Option('--role <role>', '角色').choices([...ROLES]).makeOptionMandatory())
  .option('--org <org>', '所属组织（编号、信用代码或准确名称）')
  .option('--person <id>', '会员账号关联的人员编号')
  .option('--name <displayName>', '显示名称')
  .option('--password <password>', '密码（不填则生成）')
  .action((username: string, opts: { role: Role; org?: string; person?: string; name?: string; password?: string }) =>
    withContext(async (ctx) => {
      const actor = cliActor();
      const org = opts.org ? await resolveOrgForActor(ctx, actor, opts.org) : undefined;
      const res = await createUser(ctx, actor, { username, role: opts.role, orgId: org?.id, personId: opts.person ? Number(opts.person) : undefined, displayName: opts.name, password: opts.password });
      console.log(`已创建用户 ${username}（${opts.role}）${res.password ? '，初始密码：' + res.password + '（首次登录须修改）' : ''}`);
    }));
user
  .command('passwd <username>')
  .option('--password <password>', '新密码（不填则生成）')
  .action((username: string, opts: { password?: string }) =>
    withContext(async (ctx) => {
      const res = await resetPassword(ctx, cliActor(), username, opts.password);
      console.log(`已重置 ${username} 的密码${res.password ? '：' + res.password : ''}（下次登录须修改）`);
    }));

program.parseAsync().catch((err: unknown) => {
  if (err instanceof AppError) {
    console.error(`错误：${err.message}`);
    for (const d of err.details) console.error(`  ${d.field ?? d.column ?? ''} ${d.message}`);
    process.exit(err.status === 400 ? 2 : 1);
  }
  console.error(err);
  process.exit(1);
});
