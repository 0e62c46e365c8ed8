import { useAuth } from '../auth';
import { useAsync } from './hooks';
import { loadOrgTree, type OrgTree } from './hooks';

/** The organisation tree the signed-in user may see (their subtree). */
export function useOrgTree(): { tree: OrgTree | undefined; error: unknown; loading: boolean; reload: () => void } {
  const { user } = useAuth();
  const key = `${user?.id ?? 0}`;
  const { data, error, loading, reload } = useAsync(() => loadOrgTree(key), [key]);
  return { tree: data, error, loading, reload };
}

/** The user's scope root: their own organisation, or the district root for district-wide roles. */
export function scopeRootId(tree: OrgTree | undefined, userOrgId: number | null): number | undefined {
  if (userOrgId) return userOrgId;
  return tree?.nodes.find((n) => n.parentId === null)?.id ?? tree?.roots[0]?.org.id;
}
