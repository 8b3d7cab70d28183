// CreatePresignedDomainUrl: a URL that signs the user profile in. With a running JupyterLab space it leads to
// the space's real Jupyter server through the notebook gateway (studioGateway.ts): the token is single-use and
// valid ExpiresInSeconds (5–300, default 300), the session SessionExpirationDurationInSeconds (default 43200),
// and LandingUri `app:JupyterLab:<path>` opens that path (in the classic notebook that stands in for JupyterLab).
// AWS's URL is the domain's own host (https://d-….studio.<region>.sagemaker.aws/auth?token=…); the emulator's
// points back at itself.
import { AwsError, type OperationHandler } from '../../../engine/contract';
import type { World } from '../../world';
import { gatewayName, studioGateway } from './studioGateway';
import { findDomain, findSpace, findUserProfile } from './studioState';

/** LandingUri forms the API reference lists. */
const LANDING = /^(studio::|app:(JupyterServer|JupyterLab|RStudioServerPro|CodeEditor|Canvas):)(.*)$/;

/**
 * The classic notebook page that stands for a JupyterLab path: `lab/tree/<file>.ipynb` (or `<file>.ipynb`) opens
 * the notebook, any other path its folder listing.
 */
function classicPage(landingPath: string): string {
  const relative = landingPath.replace(/^\/+/, '').replace(/^lab(\/tree)?\/?/, '');
  const encoded = relative.split('/').filter(Boolean).map(encodeURIComponent).join('/');
  if (!encoded) return 'tree';
  return relative.endsWith('.ipynb') ? `notebooks/${encoded}` : `tree/${encoded}`;
}

export function presignedDomainUrlHandlers(world: World): Record<string, OperationHandler> {
  return {
    CreatePresignedDomainUrl: (input, ctx) => {
      const domain = findDomain(world, ctx.region, input.DomainId);
      const profile = findUserProfile(world, ctx.region, domain.id, input.UserProfileName);
      if (domain.authMode !== 'IAM')
        throw new AwsError(
          'ValidationException',
          `Domain ${domain.id} uses ${domain.authMode} authentication: presigned URLs need IAM.`,
        );
      const landing = input.LandingUri === undefined ? undefined : LANDING.exec(input.LandingUri);
      if (input.LandingUri !== undefined && !landing)
        throw new AwsError(
          'ValidationException',
          `Invalid LandingUri ${input.LandingUri}: use studio::<path> or app:<JupyterServer|JupyterLab|RStudioServerPro|CodeEditor|Canvas>:<path>.`,
        );
      if (!input.SpaceName)
        throw new AwsError(
          'ValidationException',
          'The emulator serves Studio only through a space: give SpaceName (a running JupyterLab space).',
        );
      const space = findSpace(world, ctx.region, domain.id, input.SpaceName);
      if (space.sharingType === 'Private' && space.owner !== profile.name)
        throw new AwsError(
          'ValidationException',
          `Space ${space.name} is private to user profile ${space.owner}; ${profile.name} cannot open it.`,
        );
      if (landing && landing[2] && landing[2] !== space.settings.AppType)
        throw new AwsError(
          'ValidationException',
          `LandingUri ${input.LandingUri} names a ${landing[2]} app, but space ${space.name} runs ${space.settings.AppType}.`,
        );
      // As on AWS, the URL does not depend on the app running; its GET answers 403 (saying so) until it does.
      if (space.settings.AppType !== 'JupyterLab')
        throw new AwsError(
          'ValidationException',
          `The emulator opens JupyterLab spaces only; space ${space.name} runs ${space.settings.AppType ?? 'no app type'}.`,
        );
      const token = studioGateway(world).mint(
        domain.id,
        space.name,
        input.SessionExpirationDurationInSeconds ?? 43_200,
        input.ExpiresInSeconds ?? 300,
        classicPage(landing?.[3] ?? ''),
      );
      return {
        AuthorizedUrl: `${ctx.origin}/notebook/${encodeURIComponent(gatewayName(domain.id, space.name))}?authToken=${token}`,
      };
    },
  };
}
