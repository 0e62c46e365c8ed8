import type { CSSProperties, ReactNode } from 'react';

/**
 * A light card for the first screen (sign-in, overview): antd's Card pulls in
 * Tabs and friends, which the first-screen bundle budget cannot afford.
 */
export function Panel({ title, extra, children, style, bodyStyle, className, testId }: { title?: ReactNode; extra?: ReactNode; children: ReactNode; style?: CSSProperties; bodyStyle?: CSSProperties; className?: string; testId?: string }) {
  return (
    <section className={`gh-panel${className ? ' ' + className : ''}`} style={style} data-testid={testId}>
      {(title || extra) && (
        <header className="gh-panel-head">
          <h2 className="gh-panel-title">{title}</h2>
          {extra && <div>{extra}</div>}
        </header>
      )}
      <div className="gh-panel-body" style={bodyStyle}>{children}</div>
    </section>
  );
}
