/**
 * Keeps one broken part of a page from blanking the whole page: a panel whose code fails to load
 * (offline after a deploy) or throws shows a message with a reload button; the rest keeps working.
 */
import { Component, type ReactNode } from 'react';
import { Button } from './Button.tsx';

interface Props {
  /** Names the part in the message ("the board"). */
  what: string;
  children: ReactNode;
}

/** Catches render errors of its children. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error) {
    console.error(`[commonplace] ${this.props.what} failed`, error);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="banner banner--error" role="alert">
        <span className="banner__icon" aria-hidden="true">!</span>
        <div className="banner__body">
          <p className="banner__title">Could not show {this.props.what}.</p>
          <p>Your changes in the rest of the session are not affected. Reloading usually fixes this.</p>
          <div className="banner__actions">
            <Button size="sm" onClick={() => location.reload()}>
              Reload page
            </Button>
          </div>
        </div>
      </div>
    );
  }
}
