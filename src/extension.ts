// Wiring only: build the session, register views, commands and the status bar. No network I/O here:
// clients are created on first use and the profile files are read after activation returns.
import * as vscode from 'vscode';
import { Log } from './aws/log';
import { toUserError } from './aws/showAwsError';
import { AwsSession } from './aws/session';
import { registerCommands } from './commands/registerCommands';
import { registerResourceCommands } from './commands/resourceCommands';
import { pendingApprovalsEverywhere, registerApprovalCommands } from './commands/approvalCommands';
import { decideModelVersion, registerModelApprovalCommands, type ModelApprovalPrompts, type ModelDecision } from './commands/modelApprovalCommands';
import type { ModelPackageNode } from './views/modelRegistry/modelPackageNode';
import { configureVariantScaling, registerEndpointScalingCommands, type ScalingPrompts } from './commands/endpointScalingCommands';
import type { VariantNode } from './views/endpoints/variantNode';
import { deleteEndpointWithParts, type DeletePrompts } from './commands/deleteEndpointCommand';
import { registerSageMakerPipelineCommands, startSageMakerPipeline, type StartOutcome, type StartPrompts } from './commands/sageMakerPipelineCommands';
import { registerPipelineCommands, retryStage, startRelease, stopRelease, type OperationOutcome, type PipelinePrompts } from './commands/pipelineCommands';
import { decideApproval, type ApprovalPrompts, type DecisionOutcome } from './commands/approvalDecision';
import type { ApprovalDecision } from './aws/codepipeline/approvalApi';
import type { PendingApproval } from './model/codePipelineState';
import { ReleaseReviewPanel } from './webviews/releaseReview/releaseReviewPanel';
import { CommitFiles, COMMIT_FILE_SCHEME, compareWithEarlierCommit, openCommitChanges, openFileAtCommit } from './views/codecommit/commitFiles';
import { CommitNode } from './views/pipelines/codeCommitNodes';
import { DetailsDocuments, DETAILS_SCHEME } from './views/details/detailsDocuments';
import { registerViews, type RegisteredViews } from './views/registerViews';
import { notifyPendingApprovals } from './views/pipelines/pipelineStateWatch';
import { SessionStatusBar } from './views/sessionStatusBar';
import { registerHostingCommands, sourceOf } from './commands/hostingCommands';
import { deployToNewEndpoint, type DeployContext, type DeployPrompts } from './commands/deployEndpointCommand';
import { rollBackEndpoint, updateEndpointToSource, type UpdatePrompts } from './commands/updateEndpointCommand';
import { invokeOnce, type InvokeContext, type InvokePrompts } from './commands/invokeEndpointCommand';
import { batchPredict, type BatchPrompts } from './commands/batchPredictCommand';
import { registerModel, type RegisterPrompts } from './commands/registerModelCommand';
import { EndpointHistory } from './model/endpointHistory';
import { LogDocuments, LOG_SCHEME } from './views/logs/logDocuments';
import { ResponseDocuments, RESPONSE_SCHEME } from './views/endpoints/responseDocuments';
import { ModelGroupPanel } from './webviews/modelGroup/modelGroupPanel';
import { EndpointMetricsPanel } from './webviews/endpointMetrics/endpointMetricsPanel';
import type { DeploySource } from './aws/sagemaker/deploySources';
import { registerNotebookCommands, type NotebookCommandContext } from './commands/notebookCommands';
import { deleteNotebook, openNotebook, startNotebook, stopNotebook, type NotebookPrompts } from './commands/notebookInstanceCommands';
import { createNotebook, type CreateNotebookPrompts } from './commands/createNotebookInstanceCommand';
import { createLifecycleConfigFromTemplate, deleteLifecycleConfigChecked, type LifecycleConfigPrompts } from './commands/lifecycleConfigCommands';
import { fetchNotebook, publishNotebook, syncLocation, type SyncPrompts } from './commands/notebookSyncCommands';
import { LifecycleScriptFiles, LIFECYCLE_SCHEME } from './views/notebookInstances/lifecycleScriptFiles';
import { leaderboardDeps, registerAutopilotCommands } from './commands/autopilotCommands';
import { startAutoMl, stopAutoMl, uploadTrainingData, type AutoMlContext, type StartAutoMlPrompts } from './commands/startAutoMlCommand';
import { LeaderboardPanel } from './webviews/leaderboard/leaderboardPanel';
import { AutoGluonPanel } from './webviews/autoGluon/autoGluonPanel';
import { openSummaryOfModels } from './webviews/autoGluon/summaryOfModelsPanel';
import { TrainingJobPanel } from './webviews/trainingJob/trainingJobPanel';
import { TrainingComparisonPanel } from './webviews/trainingJob/trainingComparisonPanel';
import { openTrainingJobLogs, registerTrainingJobCommands } from './commands/trainingJobCommands';
import { cloneTraining, folderPlan, defaultTrainingPlan, startTraining, stopTraining, type StartTrainingPrompts, type TrainingContext } from './commands/startTrainingJobCommand';
import { createAutoGluonProject, type ScaffoldPrompts } from './commands/newAutoGluonProjectCommand';
import type { TrainingPlan } from './model/trainingJobPlan';
import { RetryPlans } from './commands/ui/retryPlans';

/** What activate() returns: used by the integration tests and by other extensions. */
export interface WorkbenchApi {
  session: AwsSession;
  views: RegisteredViews;
  statusBar: SessionStatusBar;
  details: DetailsDocuments;
  log: Log;
  /** Release approvals, as the commands do them (tests script the prompts). */
  approvals: {
    pending(): Promise<PendingApproval[]>;
    decide(approval: PendingApproval, decision: ApprovalDecision, prompts: ApprovalPrompts): Promise<DecisionOutcome>;
    /** Opens (or reveals) the Release Review panel of a pipeline. */
    review(pipelineName: string): ReleaseReviewPanel;
  };
  /** Release operations, as the commands do them (tests script the prompts). */
  releases: {
    start(pipelineName: string, prompts: PipelinePrompts): Promise<OperationOutcome>;
    stop(pipelineName: string, executionId: string, prompts: PipelinePrompts): Promise<OperationOutcome>;
    retry(pipelineName: string, stageName: string, executionId: string, prompts: PipelinePrompts): Promise<OperationOutcome>;
  };
  /** Model registry: approve or reject a version, as the commands do (tests script the prompts). */
  modelRegistry: { decide(node: ModelPackageNode, decision: ModelDecision, prompts: ModelApprovalPrompts): ReturnType<typeof decideModelVersion> };
  /** Endpoints: set a variant's autoscaling, as the command does (tests script the prompts). */
  endpoints: {
    configureScaling(variant: VariantNode, prompts: ScalingPrompts): ReturnType<typeof configureVariantScaling>;
    delete(endpointName: string, prompts: DeletePrompts): ReturnType<typeof deleteEndpointWithParts>;
  };
  /** SageMaker Pipelines: start a run with parameters, as the command does (tests script the prompts). */
  sageMakerPipelines: { start(pipelineName: string, prompts: StartPrompts): Promise<StartOutcome> };
  /** CodeCommit: the files a commit changed, in the diff editor (`pick` chooses among several). */
  commits: {
    openChanges(repository: string, commitId: string, pick?: Parameters<typeof openCommitChanges>[3]): ReturnType<typeof openCommitChanges>;
    openFile(repository: string, commitId: string, pick?: Parameters<typeof openFileAtCommit>[3]): ReturnType<typeof openFileAtCommit>;
    compare(repository: string, commitId: string, pickCommit?: Parameters<typeof compareWithEarlierCommit>[3], pickFile?: Parameters<typeof compareWithEarlierCommit>[4]): ReturnType<typeof compareWithEarlierCommit>;
  };
  /** Model hosting, as the commands do it (tests script the prompts). A target is a tree node, a model package ARN or a model name. */
  hosting: {
    /** Shared with the commands: tests shorten `pollSeconds` (the first DescribeEndpoint delay while following). */
    context: DeployContext;
    source(target: unknown): Promise<DeploySource | undefined>;
    deploy(source: DeploySource, prompts: DeployPrompts): ReturnType<typeof deployToNewEndpoint>;
    update(endpointName: string, source: DeploySource, prompts: UpdatePrompts): ReturnType<typeof updateEndpointToSource>;
    rollBack(endpointName: string, prompts: UpdatePrompts): ReturnType<typeof rollBackEndpoint>;
    invoke(endpointName: string, prompts: InvokePrompts): ReturnType<typeof invokeOnce>;
    batch(endpointName: string, file: vscode.Uri, prompts: BatchPrompts): ReturnType<typeof batchPredict>;
    register(source: DeploySource, prompts: RegisterPrompts): ReturnType<typeof registerModel>;
    logs: LogDocuments;
    openModelGroup(group: string): ModelGroupPanel;
    openMetrics(endpointName: string): EndpointMetricsPanel;
  };
  /** Notebook instances and lifecycle configurations, as the commands do them (tests script the prompts). */
  notebooks: {
    /** Shared with the commands: tests shorten `pollSeconds` and replace `openExternal`. */
    context: NotebookCommandContext;
    start(name: string): ReturnType<typeof startNotebook>;
    stop(name: string, prompts: NotebookPrompts): ReturnType<typeof stopNotebook>;
    delete(name: string, prompts: NotebookPrompts): ReturnType<typeof deleteNotebook>;
    open(name: string, view: 'lab' | 'classic'): ReturnType<typeof openNotebook>;
    create(prompts: CreateNotebookPrompts): ReturnType<typeof createNotebook>;
    createConfig(prompts: LifecycleConfigPrompts): ReturnType<typeof createLifecycleConfigFromTemplate>;
    deleteConfig(name: string, prompts: Pick<LifecycleConfigPrompts, 'confirm'>): ReturnType<typeof deleteLifecycleConfigChecked>;
    syncLocation(name: string): ReturnType<typeof syncLocation>;
    publish(name: string, file: vscode.Uri, prompts: SyncPrompts): ReturnType<typeof publishNotebook>;
    fetch(name: string, folder: vscode.Uri, prompts: SyncPrompts): ReturnType<typeof fetchNotebook>;
  };
  /** Autopilot: start and stop experiments, the leaderboard panel (tests script the prompts). */
  autopilot: {
    start(inputS3Uri: string, prompts: StartAutoMlPrompts): ReturnType<typeof startAutoMl>;
    stop(jobName: string, prompts: { confirm: StartAutoMlPrompts['confirm'] }): ReturnType<typeof stopAutoMl>;
    upload(file: vscode.Uri, prefix: string): Promise<string>;
    leaderboard(jobName: string): LeaderboardPanel;
  };
  /** Training jobs: scaffold, start, clone, stop, follow, compare, AutoGluon results (tests script the prompts). */
  trainingJobs: {
    context: TrainingContext;
    autoGluon(jobName: string): AutoGluonPanel;
    /** `artefact`: the model.tar.gz the AutoGluon panel already knows, so the job is not described again. */
    summaryOfModels(jobName: string, artefact?: string): Promise<vscode.WebviewPanel>;
    scaffold(prompts: ScaffoldPrompts): ReturnType<typeof createAutoGluonProject>;
    folderPlan(folder: vscode.Uri): ReturnType<typeof folderPlan>;
    start(defaults: TrainingPlan | undefined, prompts: StartTrainingPrompts): ReturnType<typeof startTraining>;
    clone(jobName: string, prompts: StartTrainingPrompts): ReturnType<typeof cloneTraining>;
    stop(jobName: string, prompts: Pick<StartTrainingPrompts, 'confirm'>): ReturnType<typeof stopTraining>;
    open(jobName: string): TrainingJobPanel;
    openLogs(jobName: string): Thenable<vscode.TextDocument>;
    compare(jobNames: string[]): TrainingComparisonPanel;
  };
  /** Resolves once the profile files have been read after activation. */
  ready: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): WorkbenchApi {
  const version = (context.extension.packageJSON as { version?: string }).version ?? '0.0.0';
  const log = new Log();
  const session = new AwsSession(log, `sagemaker-workbench/${version}`);
  const views = registerViews(session, context.workspaceState);
  const statusBar = new SessionStatusBar(session);
  const details = new DetailsDocuments();
  context.subscriptions.push(
    log, session, views, statusBar, details,
    vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, details),
    vscode.workspace.registerTextDocumentContentProvider(COMMIT_FILE_SCHEME, new CommitFiles(session)),
    ...(['openCommitChanges', 'openFileAtCommit', 'compareCommits'] as const).map((name) =>
      vscode.commands.registerCommand(`sagemakerWorkbench.${name}`, async (nodeOrRepository?: unknown, commitId?: string) => {
        const [repository, id] = nodeOrRepository instanceof CommitNode
          ? [nodeOrRepository.repository, nodeOrRepository.commit.commitId]
          : [typeof nodeOrRepository === 'string' ? nodeOrRepository : undefined, commitId];
        if (!repository || !id) return;
        const run = { openCommitChanges, openFileAtCommit, compareCommits: compareWithEarlierCommit }[name];
        try {
          await run(session, repository, id);
        } catch (error) {
          void vscode.window.showErrorMessage(toUserError(error, session, 'codecommit', 'GetDifferences').message);
        }
      })),
    ...registerCommands(session, views, log),
    ...registerResourceCommands(details, (key) => views.listProvider(key)),
    ...registerApprovalCommands(session, views, context.extensionUri),
    ...registerPipelineCommands(session, views),
    ...registerModelApprovalCommands(session),
    ...registerEndpointScalingCommands(session, () => views.providers.endpoints.refresh()),
    ...registerSageMakerPipelineCommands(session, (node) => {
      node.reset();
      views.providers.pipelines.refresh(node);
    }),
  );
  const logs = new LogDocuments(session);
  const responses = new ResponseDocuments();
  const refreshRegistry = () => views.providers.modelRegistry.refresh();
  const deployContext: DeployContext = {
    session,
    history: new EndpointHistory(context.globalState),
    lastRole: () => context.globalState.get<string>('lastExecutionRole'),
    rememberRole: (arn) => context.globalState.update('lastExecutionRole', arn),
    changed: () => views.providers.endpoints.refresh(),
    retryPlans: new RetryPlans(),
  };
  const invokeContext: InvokeContext = { session, store: context.workspaceState, responses };
  const panels = { extensionUri: context.extensionUri, session, registryChanged: refreshRegistry };
  context.subscriptions.push(
    logs,
    vscode.workspace.registerTextDocumentContentProvider(LOG_SCHEME, logs),
    vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, responses),
    ...registerHostingCommands({ session, deploy: deployContext, invoke: invokeContext, logs, panels, refreshRegistry }),
  );
  const hosting: WorkbenchApi['hosting'] = {
    context: deployContext,
    source: (target) => sourceOf(session, target),
    deploy: (source, prompts) => deployToNewEndpoint(deployContext, source, prompts),
    update: (name, source, prompts) => updateEndpointToSource(deployContext, name, source, prompts),
    rollBack: (name, prompts) => rollBackEndpoint(deployContext, name, prompts),
    invoke: (name, prompts) => invokeOnce(invokeContext, name, prompts),
    batch: (name, file, prompts) => batchPredict(invokeContext, name, file, prompts),
    register: (source, prompts) => registerModel(session, source, prompts, refreshRegistry),
    logs,
    openModelGroup: (group) => ModelGroupPanel.show(panels, group),
    openMetrics: (name) => EndpointMetricsPanel.show(context.extensionUri, session, name),
  };
  const refreshNotebooks = () => views.providers.notebookInstances.refresh();
  const notebookContext: NotebookCommandContext = {
    session,
    logs,
    changed: refreshNotebooks,
    openExternal: (url) => vscode.env.openExternal(url),
    lastRole: deployContext.lastRole,
    rememberRole: deployContext.rememberRole,
    retryPlans: new RetryPlans(),
  };
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(LIFECYCLE_SCHEME, new LifecycleScriptFiles(session, refreshNotebooks), { isCaseSensitive: true }),
    ...registerNotebookCommands(notebookContext),
  );
  const notebooks: WorkbenchApi['notebooks'] = {
    context: notebookContext,
    start: (name) => startNotebook(notebookContext, name),
    stop: (name, prompts) => stopNotebook(notebookContext, name, prompts),
    delete: (name, prompts) => deleteNotebook(notebookContext, name, prompts),
    open: (name, view) => openNotebook(notebookContext, name, view),
    create: (prompts) => createNotebook(notebookContext, prompts),
    createConfig: (prompts) => createLifecycleConfigFromTemplate(session, prompts, refreshNotebooks),
    deleteConfig: (name, prompts) => deleteLifecycleConfigChecked(session, name, prompts, refreshNotebooks),
    syncLocation: (name) => syncLocation(session, name),
    publish: (name, file, prompts) => publishNotebook(session, name, file, prompts),
    fetch: (name, folder, prompts) => fetchNotebook(session, name, folder, prompts),
  };
  const autoMlContext: AutoMlContext = { session, lastRole: deployContext.lastRole, rememberRole: deployContext.rememberRole, changed: () => views.providers.autopilot.refresh(), retryPlans: new RetryPlans() };
  context.subscriptions.push(...registerAutopilotCommands(autoMlContext, context.extensionUri));
  const autopilot: WorkbenchApi['autopilot'] = {
    start: (input, prompts) => startAutoMl(autoMlContext, input, prompts),
    stop: (name, prompts) => stopAutoMl(autoMlContext, name, prompts),
    upload: (file, prefix) => uploadTrainingData(session, file, prefix),
    leaderboard: (name) => LeaderboardPanel.show(leaderboardDeps(autoMlContext, context.extensionUri), name),
  };
  const trainingContext: TrainingContext = { session, lastRole: deployContext.lastRole, rememberRole: deployContext.rememberRole, changed: () => views.providers.trainingJobs.refresh(), retryPlans: new RetryPlans() };
  context.subscriptions.push(...registerTrainingJobCommands(trainingContext, context.extensionUri, logs));
  const trainingJobs: WorkbenchApi['trainingJobs'] = {
    context: trainingContext,
    autoGluon: (name) => AutoGluonPanel.show(context.extensionUri, session, name),
    summaryOfModels: (name, artefact) => openSummaryOfModels(session, name, artefact),
    scaffold: (prompts) => createAutoGluonProject(session, trainingContext.lastRole(), prompts),
    folderPlan: (folder) => folderPlan(folder, defaultTrainingPlan(trainingContext.lastRole())),
    start: (defaults, prompts) => startTraining(trainingContext, defaults, prompts),
    clone: (name, prompts) => cloneTraining(trainingContext, name, prompts),
    stop: (name, prompts) => stopTraining(trainingContext, name, prompts),
    open: (name) => TrainingJobPanel.show(context.extensionUri, session, name),
    openLogs: (name) => openTrainingJobLogs(logs, name),
    compare: (names) => TrainingComparisonPanel.show(context.extensionUri, session, names),
  };
  const approvals: WorkbenchApi['approvals'] = {
    pending: () => pendingApprovalsEverywhere(views),
    decide: (approval, decision, prompts) => decideApproval(session, views, approval, decision, prompts),
    review: (pipelineName) => ReleaseReviewPanel.show({ extensionUri: context.extensionUri, session, views }, pipelineName),
  };
  const releases: WorkbenchApi['releases'] = {
    start: (name, prompts) => startRelease(session, views, name, prompts),
    stop: (name, id, prompts) => stopRelease(session, views, name, id, prompts),
    retry: (name, stage, id, prompts) => retryStage(session, views, name, stage, id, prompts),
  };
  const modelRegistry: WorkbenchApi['modelRegistry'] = { decide: (node, decision, prompts) => decideModelVersion(session, node, decision, prompts) };
  const endpoints: WorkbenchApi['endpoints'] = {
    configureScaling: (variant, prompts) => configureVariantScaling(session, variant, prompts),
    delete: (name, prompts) => deleteEndpointWithParts(session, name, prompts),
  };
  const sageMakerPipelines: WorkbenchApi['sageMakerPipelines'] = { start: (name, prompts) => startSageMakerPipeline(session, name, prompts) };
  const commits: WorkbenchApi['commits'] = {
    openChanges: (repository, commitId, pick) => openCommitChanges(session, repository, commitId, pick),
    openFile: (repository, commitId, pick) => openFileAtCommit(session, repository, commitId, pick),
    compare: (repository, commitId, pickCommit, pickFile) => compareWithEarlierCommit(session, repository, commitId, pickCommit, pickFile),
  };
  const ready = session.reload().catch((err: unknown) => log.error(`Reading AWS profiles failed: ${String(err)}`));
  // Opt-in: list the pipelines after activation (never during it) so waiting approvals are announced.
  const watchApprovals = () => {
    if (notifyPendingApprovals()) void pendingApprovalsEverywhere(views).catch((err: unknown) => log.warn(`Watching approvals failed: ${String(err)}`));
  };
  void ready.then(watchApprovals);
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('sagemakerWorkbench.notifyPendingApprovals')) watchApprovals();
  }));
  log.info(`SageMaker Workbench ${version} activated in VS Code ${vscode.version}`);
  return { session, views, statusBar, details, log, approvals, releases, modelRegistry, endpoints, sageMakerPipelines, commits, hosting, notebooks, autopilot, trainingJobs, ready };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
