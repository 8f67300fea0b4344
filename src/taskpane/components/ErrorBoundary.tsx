/**
 * Last line of defence: a rendering bug shows a message with a way back instead of a blank pane.
 */
import { Component, type ReactNode } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

function CrashMessage({ detail, onRetry }: { detail: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("crash.title")}</MessageBarTitle>
        {t("crash.next")} ({detail})
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t("crash.retry")}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (this.state.error)
      return <CrashMessage detail={this.state.error.message} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
