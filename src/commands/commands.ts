/**
 * Ribbon FunctionFile. The Home-tab button opens the task pane through the manifest's ShowTaskpane
 * action; this file registers the ExecuteFunction handler the manifest may name ("openScorecard"),
 * which shows the pane where the shared runtime allows it, and always completes the event so the
 * ribbon never spins.
 */
export async function openScorecard(event: Office.AddinCommands.Event): Promise<void> {
  try {
    if (Office.context.requirements.isSetSupported("SharedRuntime", "1.1")) await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

void Office.onReady(() => {
  Office.actions.associate("openScorecard", openScorecard);
});
