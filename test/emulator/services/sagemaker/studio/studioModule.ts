// SageMaker Studio: domains, user profiles, spaces, their apps and Studio lifecycle configurations.
import type { ScenarioName } from '../../../engine/contract';
import type { ServiceModule } from '../../serviceModule';
import type { World } from '../../world';
import { appsHandlers } from './appsHandlers';
import { domainsHandlers } from './domainsHandlers';
import { lifecycleConfigsHandlers } from './lifecycleConfigsHandlers';
import { presignedDomainUrlHandlers } from './presignedDomainUrl';
import { settingsUpdateHandlers } from './settingsUpdateHandlers';
import { spacesHandlers } from './spacesHandlers';
import { seedStudio } from './studioSeed';

export const studioModule: ServiceModule = {
  name: 'sagemaker studio',
  handlers: (world: World) => ({
    sagemaker: {
      ...domainsHandlers(world),
      ...settingsUpdateHandlers(world),
      ...spacesHandlers(world),
      ...appsHandlers(world),
      ...lifecycleConfigsHandlers(world),
      ...presignedDomainUrlHandlers(world),
    },
  }),
  seed: (world: World, scenario: ScenarioName) => seedStudio(world, scenario),
};
