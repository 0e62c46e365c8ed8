import { useSearchParams } from 'react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type OrgNode, type Page } from '../api';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Run an async loader whenever deps change; stale answers are dropped. */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    loadRef.current(ctl.signal).then(
      (data) => !ctl.signal.aborted && setState({ data, loading: false }),
      (error) => !ctl.signal.aborted && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => ctl.abort();
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export interface OrgTreeNode {
  key: number;
  value: number;
  title: string;
  org: OrgNode;
  children?: OrgTreeNode[];
}

export interface OrgTree {
  nodes: OrgNode[];
  byId: Map<number, OrgNode>;
  roots: OrgTreeNode[];
  /** ids from the root to the node (inclusive), within what the user can see */
  pathTo: (id: number) => number[];
}

export function buildOrgTree(nodes: OrgNode[]): OrgTree {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const wrapped = new Map<number, OrgTreeNode>(nodes.map((n) => [n.id, { key: n.id, value: n.id, title: n.name, org: n }]));
  const roots: OrgTreeNode[] = [];
  for (const n of nodes) {
    const w = wrapped.get(n.id)!;
    const parent = n.parentId != null ? wrapped.get(n.parentId) : undefined;
    if (parent) (parent.children ??= []).push(w);
    else roots.push(w);
  }
  const pathTo = (id: number) => {
    const out: number[] = [];
    let cur = byId.get(id);
    while (cur) {
      out.unshift(cur.id);
      cur = cur.parentId != null ? byId.get(cur.parentId) : undefined;
    }
    return out;
  };
  return { nodes, byId, roots, pathTo };
}

// One fetch of the visible tree per signed-in user; pages share it.
let cache: { key: string; promise: Promise<OrgTree> } | null = null;

export function loadOrgTree(userKey: string, force = false): Promise<OrgTree> {
  if (!cache || cache.key !== userKey || force) {
    const promise = api.get<Page<OrgNode>>('/orgs', { tree: 1 }).then((r) => buildOrgTree(r.items));
    cache = { key: userKey, promise };
    promise.catch(() => {
      if (cache?.promise === promise) cache = null;
    });
  }
  return cache.promise;
}

export function clearOrgTreeCache() {
  cache = null;
}

export function useMediaNarrow(maxWidth = 767): boolean {
  const query = `(max-width: ${maxWidth}px)`;
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && window.matchMedia(query).matches);
  useEffect(() => {
    const mq = window.matchMedia(query);
    const on = () => setNarrow(mq.matches);
    on();
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, [query]);
  return narrow;
}

/**
 * A list page's filters live in the URL, so a filtered view can be linked and reloaded.
 * `update` sets or clears keys; any filter change returns to page 1 unless it sets the page.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  // Functional update: two changes in one tick (closing the drawer, then searching) must not
  // overwrite each other with the params of the last render.
  const update = (patch: Record<string, string | number | undefined>, resetPage = true, drop: string[] = []) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      for (const k of drop) next.delete(k);
      if (resetPage && !('page' in patch)) next.delete('page');
      return next;
    });
  };
  const clear = () => setParams(new URLSearchParams());
  return { params, update, clear };
}
