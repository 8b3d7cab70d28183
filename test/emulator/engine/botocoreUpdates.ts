// What SageMaker's model gained after the botocore that Debian ships (1.29, December 2022) for the Studio
// operations (domains, user profiles, spaces, apps, Studio lifecycle configurations, presigned domain URLs):
// JupyterLab and Code Editor spaces and apps, storage and idle settings, ownership and sharing. Taken from
// botocore 1.43's sagemaker service-2.json (constraints only). `models.ts` adds these to Debian's model: shapes
// it lacks are added whole, shapes it has gain only the missing members, enum values and constraints (DomainId's pattern), so nothing
// it already checks changes.
import type { Shape } from './models';

export const BOTOCORE_UPDATES: Partial<Record<'sagemaker', Record<string, Shape>>> = {
  sagemaker: {
    AccountId: {
      max: 12,
      min: 12,
    },
    AmazonQSettings: {
      members: {
        QProfileArn: {
          shape: 'QProfileArn',
        },
        Status: {
          shape: 'FeatureStatus',
        },
      },
      type: 'structure',
    },
    AppDetails: {
      members: {
        ResourceSpec: {
          shape: 'ResourceSpec',
        },
      },
    },
    AppInstanceType: {
      enum: [
        'ml.g6.xlarge',
        'ml.g6.2xlarge',
        'ml.g6.4xlarge',
        'ml.g6.8xlarge',
        'ml.g6.12xlarge',
        'ml.g6.16xlarge',
        'ml.g6.24xlarge',
        'ml.g6.48xlarge',
        'ml.g6e.xlarge',
        'ml.g6e.2xlarge',
        'ml.g6e.4xlarge',
        'ml.g6e.8xlarge',
        'ml.g6e.12xlarge',
        'ml.g6e.16xlarge',
        'ml.g6e.24xlarge',
        'ml.g6e.48xlarge',
        'ml.geospatial.interactive',
        'ml.p4d.24xlarge',
        'ml.p4de.24xlarge',
        'ml.trn1.2xlarge',
        'ml.trn1.32xlarge',
        'ml.trn1n.32xlarge',
        'ml.p5.48xlarge',
        'ml.p5en.48xlarge',
        'ml.p6-b200.48xlarge',
        'ml.m6i.large',
        'ml.m6i.xlarge',
        'ml.m6i.2xlarge',
        'ml.m6i.4xlarge',
        'ml.m6i.8xlarge',
        'ml.m6i.12xlarge',
        'ml.m6i.16xlarge',
        'ml.m6i.24xlarge',
        'ml.m6i.32xlarge',
        'ml.m7i.large',
        'ml.m7i.xlarge',
        'ml.m7i.2xlarge',
        'ml.m7i.4xlarge',
        'ml.m7i.8xlarge',
        'ml.m7i.12xlarge',
        'ml.m7i.16xlarge',
        'ml.m7i.24xlarge',
        'ml.m7i.48xlarge',
        'ml.c6i.large',
        'ml.c6i.xlarge',
        'ml.c6i.2xlarge',
        'ml.c6i.4xlarge',
        'ml.c6i.8xlarge',
        'ml.c6i.12xlarge',
        'ml.c6i.16xlarge',
        'ml.c6i.24xlarge',
        'ml.c6i.32xlarge',
        'ml.c7i.large',
        'ml.c7i.xlarge',
        'ml.c7i.2xlarge',
        'ml.c7i.4xlarge',
        'ml.c7i.8xlarge',
        'ml.c7i.12xlarge',
        'ml.c7i.16xlarge',
        'ml.c7i.24xlarge',
        'ml.c7i.48xlarge',
        'ml.r6i.large',
        'ml.r6i.xlarge',
        'ml.r6i.2xlarge',
        'ml.r6i.4xlarge',
        'ml.r6i.8xlarge',
        'ml.r6i.12xlarge',
        'ml.r6i.16xlarge',
        'ml.r6i.24xlarge',
        'ml.r6i.32xlarge',
        'ml.r7i.large',
        'ml.r7i.xlarge',
        'ml.r7i.2xlarge',
        'ml.r7i.4xlarge',
        'ml.r7i.8xlarge',
        'ml.r7i.12xlarge',
        'ml.r7i.16xlarge',
        'ml.r7i.24xlarge',
        'ml.r7i.48xlarge',
        'ml.m6id.large',
        'ml.m6id.xlarge',
        'ml.m6id.2xlarge',
        'ml.m6id.4xlarge',
        'ml.m6id.8xlarge',
        'ml.m6id.12xlarge',
        'ml.m6id.16xlarge',
        'ml.m6id.24xlarge',
        'ml.m6id.32xlarge',
        'ml.c6id.large',
        'ml.c6id.xlarge',
        'ml.c6id.2xlarge',
        'ml.c6id.4xlarge',
        'ml.c6id.8xlarge',
        'ml.c6id.12xlarge',
        'ml.c6id.16xlarge',
        'ml.c6id.24xlarge',
        'ml.c6id.32xlarge',
        'ml.r6id.large',
        'ml.r6id.xlarge',
        'ml.r6id.2xlarge',
        'ml.r6id.4xlarge',
        'ml.r6id.8xlarge',
        'ml.r6id.12xlarge',
        'ml.r6id.16xlarge',
        'ml.r6id.24xlarge',
        'ml.r6id.32xlarge',
        'ml.p5.4xlarge',
      ],
    },
    AppLifecycleManagement: {
      members: {
        IdleSettings: {
          shape: 'IdleSettings',
        },
      },
      type: 'structure',
    },
    AppType: {
      enum: ['DetailedProfiler', 'CodeEditor', 'JupyterLab', 'Canvas'],
    },
    AssumableRoleArns: {
      max: 5,
      member: {
        shape: 'RoleArn',
      },
      min: 0,
      type: 'list',
    },
    AutoMountHomeEFS: {
      enum: ['Enabled', 'Disabled', 'DefaultAsDomain'],
      type: 'string',
    },
    CanvasAppSettings: {
      members: {
        DirectDeploySettings: {
          shape: 'DirectDeploySettings',
        },
        EmrServerlessSettings: {
          shape: 'EmrServerlessSettings',
        },
        GenerativeAiSettings: {
          shape: 'GenerativeAiSettings',
        },
        IdentityProviderOAuthSettings: {
          shape: 'IdentityProviderOAuthSettings',
        },
        KendraSettings: {
          shape: 'KendraSettings',
        },
        ModelRegisterSettings: {
          shape: 'ModelRegisterSettings',
        },
        WorkspaceSettings: {
          shape: 'WorkspaceSettings',
        },
      },
    },
    CodeEditorAppSettings: {
      members: {
        AppLifecycleManagement: {
          shape: 'AppLifecycleManagement',
        },
        BuiltInLifecycleConfigArn: {
          shape: 'StudioLifecycleConfigArn',
        },
        CustomImages: {
          shape: 'CustomImages',
        },
        DefaultResourceSpec: {
          shape: 'ResourceSpec',
        },
        LifecycleConfigArns: {
          shape: 'LifecycleConfigArns',
        },
      },
      type: 'structure',
    },
    CreateAppRequest: {
      members: {
        RecoveryMode: {
          shape: 'Boolean',
        },
      },
    },
    CreateDomainRequest: {
      members: {
        TagPropagation: {
          shape: 'TagPropagation',
        },
      },
    },
    CreateDomainResponse: {
      members: {
        DomainId: {
          shape: 'DomainId',
        },
      },
    },
    CreatePresignedDomainUrlRequest: {
      members: {
        LandingUri: {
          shape: 'LandingUri',
        },
      },
    },
    CreateSpaceRequest: {
      members: {
        OwnershipSettings: {
          shape: 'OwnershipSettings',
        },
        SpaceDisplayName: {
          shape: 'NonEmptyString64',
        },
        SpaceSharingSettings: {
          shape: 'SpaceSharingSettings',
        },
      },
    },
    CustomFileSystem: {
      members: {
        EFSFileSystem: {
          shape: 'EFSFileSystem',
        },
        FSxLustreFileSystem: {
          shape: 'FSxLustreFileSystem',
        },
        S3FileSystem: {
          shape: 'S3FileSystem',
        },
      },
      type: 'structure',
    },
    CustomFileSystemConfig: {
      members: {
        EFSFileSystemConfig: {
          shape: 'EFSFileSystemConfig',
        },
        FSxLustreFileSystemConfig: {
          shape: 'FSxLustreFileSystemConfig',
        },
        S3FileSystemConfig: {
          shape: 'S3FileSystemConfig',
        },
      },
      type: 'structure',
    },
    CustomFileSystemConfigs: {
      max: 10,
      member: {
        shape: 'CustomFileSystemConfig',
      },
      min: 0,
      type: 'list',
    },
    CustomFileSystems: {
      max: 5,
      member: {
        shape: 'CustomFileSystem',
      },
      min: 0,
      type: 'list',
    },
    CustomPosixUserConfig: {
      members: {
        Gid: {
          shape: 'Gid',
        },
        Uid: {
          shape: 'Uid',
        },
      },
      required: ['Uid', 'Gid'],
      type: 'structure',
    },
    DataSourceName: {
      enum: ['SalesforceGenie', 'Snowflake'],
      type: 'string',
    },
    DefaultEbsStorageSettings: {
      members: {
        DefaultEbsVolumeSizeInGb: {
          shape: 'SpaceEbsVolumeSizeInGb',
        },
        MaximumEbsVolumeSizeInGb: {
          shape: 'SpaceEbsVolumeSizeInGb',
        },
      },
      required: ['DefaultEbsVolumeSizeInGb', 'MaximumEbsVolumeSizeInGb'],
      type: 'structure',
    },
    DefaultSpaceSettings: {
      members: {
        CustomFileSystemConfigs: {
          shape: 'CustomFileSystemConfigs',
        },
        CustomPosixUserConfig: {
          shape: 'CustomPosixUserConfig',
        },
        JupyterLabAppSettings: {
          shape: 'JupyterLabAppSettings',
        },
        SpaceStorageSettings: {
          shape: 'DefaultSpaceStorageSettings',
        },
      },
    },
    DefaultSpaceStorageSettings: {
      members: {
        DefaultEbsStorageSettings: {
          shape: 'DefaultEbsStorageSettings',
        },
      },
      type: 'structure',
    },
    DescribeAppResponse: {
      members: {
        BuiltInLifecycleConfigArn: {
          shape: 'StudioLifecycleConfigArn',
        },
        EffectiveTrustedIdentityPropagationStatus: {
          shape: 'FeatureStatus',
        },
        RecoveryMode: {
          shape: 'Boolean',
        },
      },
    },
    DescribeDomainResponse: {
      members: {
        SingleSignOnApplicationArn: {
          shape: 'SingleSignOnApplicationArn',
        },
        TagPropagation: {
          shape: 'TagPropagation',
        },
      },
    },
    DescribeSpaceResponse: {
      members: {
        OwnershipSettings: {
          shape: 'OwnershipSettings',
        },
        SpaceDisplayName: {
          shape: 'NonEmptyString64',
        },
        SpaceSharingSettings: {
          shape: 'SpaceSharingSettings',
        },
        Url: {
          shape: 'String1024',
        },
      },
    },
    DirectDeploySettings: {
      members: {
        Status: {
          shape: 'FeatureStatus',
        },
      },
      type: 'structure',
    },
    DockerSettings: {
      members: {
        EnableDockerAccess: {
          shape: 'FeatureStatus',
        },
        RootlessDocker: {
          shape: 'FeatureStatus',
        },
        VpcOnlyTrustedAccounts: {
          shape: 'VpcOnlyTrustedAccounts',
        },
      },
      type: 'structure',
    },
    DomainId: {
      pattern: 'd-(-*[a-z0-9]){1,61}',
    },
    DomainSettings: {
      members: {
        AmazonQSettings: {
          shape: 'AmazonQSettings',
        },
        DockerSettings: {
          shape: 'DockerSettings',
        },
        IpAddressType: {
          shape: 'IPAddressType',
        },
        TrustedIdentityPropagationSettings: {
          shape: 'TrustedIdentityPropagationSettings',
        },
        UnifiedStudioSettings: {
          shape: 'UnifiedStudioSettings',
        },
      },
    },
    EFSFileSystem: {
      members: {
        FileSystemId: {
          shape: 'FileSystemId',
        },
      },
      required: ['FileSystemId'],
      type: 'structure',
    },
    EFSFileSystemConfig: {
      members: {
        FileSystemId: {
          shape: 'FileSystemId',
        },
        FileSystemPath: {
          shape: 'FileSystemPath',
        },
      },
      required: ['FileSystemId'],
      type: 'structure',
    },
    EbsStorageSettings: {
      members: {
        EbsVolumeSizeInGb: {
          shape: 'SpaceEbsVolumeSizeInGb',
        },
      },
      required: ['EbsVolumeSizeInGb'],
      type: 'structure',
    },
    EmrServerlessSettings: {
      members: {
        ExecutionRoleArn: {
          shape: 'RoleArn',
        },
        Status: {
          shape: 'FeatureStatus',
        },
      },
      type: 'structure',
    },
    EmrSettings: {
      members: {
        AssumableRoleArns: {
          shape: 'AssumableRoleArns',
        },
        ExecutionRoleArns: {
          shape: 'ExecutionRoleArns',
        },
      },
      type: 'structure',
    },
    ExecutionRoleArns: {
      max: 5,
      member: {
        shape: 'RoleArn',
      },
      min: 0,
      type: 'list',
    },
    ExecutionRoleSessionNameMode: {
      enum: ['STATIC', 'USER_IDENTITY'],
      type: 'string',
    },
    FSxLustreFileSystem: {
      members: {
        FileSystemId: {
          shape: 'FileSystemId',
        },
      },
      required: ['FileSystemId'],
      type: 'structure',
    },
    FSxLustreFileSystemConfig: {
      members: {
        FileSystemId: {
          shape: 'FileSystemId',
        },
        FileSystemPath: {
          shape: 'FileSystemPath',
        },
      },
      required: ['FileSystemId'],
      type: 'structure',
    },
    FileSystemId: {
      max: 21,
    },
    FileSystemPath: {
      max: 256,
      min: 1,
      pattern: '\\/\\S*',
      type: 'string',
    },
    GenerativeAiSettings: {
      members: {
        AmazonBedrockRoleArn: {
          shape: 'RoleArn',
        },
      },
      type: 'structure',
    },
    Gid: {
      max: 4000000,
      min: 1001,
      type: 'long',
    },
    HiddenAppTypesList: {
      member: {
        shape: 'AppType',
      },
      type: 'list',
    },
    HiddenInstanceTypesList: {
      member: {
        shape: 'AppInstanceType',
      },
      type: 'list',
    },
    HiddenMlToolsList: {
      member: {
        shape: 'MlTools',
      },
      type: 'list',
    },
    HiddenSageMakerImage: {
      members: {
        SageMakerImageName: {
          shape: 'SageMakerImageName',
        },
        VersionAliases: {
          shape: 'VersionAliasesList',
        },
      },
      type: 'structure',
    },
    HiddenSageMakerImageVersionAliasesList: {
      max: 5,
      member: {
        shape: 'HiddenSageMakerImage',
      },
      min: 0,
      type: 'list',
    },
    IPAddressType: {
      enum: ['ipv4', 'dualstack'],
      type: 'string',
    },
    IdentityProviderOAuthSetting: {
      members: {
        DataSourceName: {
          shape: 'DataSourceName',
        },
        SecretArn: {
          shape: 'SecretArn',
        },
        Status: {
          shape: 'FeatureStatus',
        },
      },
      type: 'structure',
    },
    IdentityProviderOAuthSettings: {
      max: 20,
      member: {
        shape: 'IdentityProviderOAuthSetting',
      },
      min: 0,
      type: 'list',
    },
    IdleSettings: {
      members: {
        IdleTimeoutInMinutes: {
          shape: 'IdleTimeoutInMinutes',
        },
        LifecycleManagement: {
          shape: 'LifecycleManagement',
        },
        MaxIdleTimeoutInMinutes: {
          shape: 'IdleTimeoutInMinutes',
        },
        MinIdleTimeoutInMinutes: {
          shape: 'IdleTimeoutInMinutes',
        },
      },
      type: 'structure',
    },
    IdleTimeoutInMinutes: {
      max: 525600,
      min: 60,
      type: 'integer',
    },
    ImageVersionAlias: {
      max: 128,
      min: 1,
      pattern:
        '(^\\d+$)|(^\\d+.\\d+$)|(^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$)',
      type: 'string',
    },
    ImageVersionAliasPattern: {
      max: 128,
      min: 1,
      pattern: '(0|[1-9]\\d*)\\.(0|[1-9]\\d*)',
      type: 'string',
    },
    JupyterLabAppSettings: {
      members: {
        AppLifecycleManagement: {
          shape: 'AppLifecycleManagement',
        },
        BuiltInLifecycleConfigArn: {
          shape: 'StudioLifecycleConfigArn',
        },
        CodeRepositories: {
          shape: 'CodeRepositories',
        },
        CustomImages: {
          shape: 'CustomImages',
        },
        DefaultResourceSpec: {
          shape: 'ResourceSpec',
        },
        EmrSettings: {
          shape: 'EmrSettings',
        },
        LifecycleConfigArns: {
          shape: 'LifecycleConfigArns',
        },
      },
      type: 'structure',
    },
    KendraSettings: {
      members: {
        Status: {
          shape: 'FeatureStatus',
        },
      },
      type: 'structure',
    },
    LandingUri: {
      max: 1023,
      min: 0,
      type: 'string',
    },
    LifecycleManagement: {
      enum: ['ENABLED', 'DISABLED'],
      type: 'string',
    },
    MlTools: {
      enum: [
        'DataWrangler',
        'FeatureStore',
        'EmrClusters',
        'AutoMl',
        'Experiments',
        'Training',
        'ModelEvaluation',
        'Pipelines',
        'Models',
        'JumpStart',
        'InferenceRecommender',
        'Endpoints',
        'Projects',
        'InferenceOptimization',
        'PerformanceEvaluation',
        'LakeraGuard',
        'Comet',
        'DeepchecksLLMEvaluation',
        'Fiddler',
        'HyperPodClusters',
        'RunningInstances',
        'Datasets',
        'Evaluators',
      ],
      type: 'string',
    },
    ModelRegisterSettings: {
      members: {
        CrossAccountModelRegisterRoleArn: {
          shape: 'RoleArn',
        },
        Status: {
          shape: 'FeatureStatus',
        },
      },
      type: 'structure',
    },
    NonEmptyString64: {
      max: 64,
      min: 0,
      pattern: '(?!\\s*$).+',
      type: 'string',
    },
    OwnershipSettings: {
      members: {
        OwnerUserProfileName: {
          shape: 'UserProfileName',
        },
      },
      required: ['OwnerUserProfileName'],
      type: 'structure',
    },
    OwnershipSettingsSummary: {
      members: {
        OwnerUserProfileName: {
          shape: 'UserProfileName',
        },
      },
      type: 'structure',
    },
    QProfileArn: {
      pattern: 'arn:[-.a-z0-9]{1,63}:codewhisperer:([-.a-z0-9]{0,63}:){2}([a-zA-Z0-9-_:/]){1,1023}',
      type: 'string',
    },
    RegionName: {
      max: 24,
      min: 1,
      type: 'string',
    },
    ResourceSpec: {
      members: {
        SageMakerImageVersionAlias: {
          shape: 'ImageVersionAlias',
        },
        TrainingPlanArn: {
          shape: 'StudioResourceSpecTrainingPlanArn',
        },
      },
    },
    S3FileSystem: {
      members: {
        S3Uri: {
          shape: 'S3SchemaUri',
        },
      },
      required: ['S3Uri'],
      type: 'structure',
    },
    S3FileSystemConfig: {
      members: {
        MountPath: {
          shape: 'String1024',
        },
        S3Uri: {
          shape: 'S3SchemaUri',
        },
      },
      required: ['S3Uri'],
      type: 'structure',
    },
    S3SchemaUri: {
      max: 1024,
      min: 0,
      pattern: '(s3)://([^/]+)/?(.*)',
      type: 'string',
    },
    SageMakerImageName: {
      enum: ['sagemaker_distribution'],
      type: 'string',
    },
    SharingType: {
      enum: ['Private', 'Shared'],
      type: 'string',
    },
    SingleSignOnApplicationArn: {
      pattern:
        'arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):sso::[0-9]+:application\\/[a-zA-Z0-9-_.]+\\/apl-[a-zA-Z0-9]+',
      type: 'string',
    },
    SpaceAppLifecycleManagement: {
      members: {
        IdleSettings: {
          shape: 'SpaceIdleSettings',
        },
      },
      type: 'structure',
    },
    SpaceCodeEditorAppSettings: {
      members: {
        AppLifecycleManagement: {
          shape: 'SpaceAppLifecycleManagement',
        },
        DefaultResourceSpec: {
          shape: 'ResourceSpec',
        },
      },
      type: 'structure',
    },
    SpaceDetails: {
      members: {
        OwnershipSettingsSummary: {
          shape: 'OwnershipSettingsSummary',
        },
        SpaceDisplayName: {
          shape: 'NonEmptyString64',
        },
        SpaceSettingsSummary: {
          shape: 'SpaceSettingsSummary',
        },
        SpaceSharingSettingsSummary: {
          shape: 'SpaceSharingSettingsSummary',
        },
      },
    },
    SpaceEbsVolumeSizeInGb: {
      max: 16384,
      min: 5,
      type: 'integer',
    },
    SpaceIdleSettings: {
      members: {
        IdleTimeoutInMinutes: {
          shape: 'IdleTimeoutInMinutes',
        },
      },
      type: 'structure',
    },
    SpaceJupyterLabAppSettings: {
      members: {
        AppLifecycleManagement: {
          shape: 'SpaceAppLifecycleManagement',
        },
        CodeRepositories: {
          shape: 'CodeRepositories',
        },
        DefaultResourceSpec: {
          shape: 'ResourceSpec',
        },
      },
      type: 'structure',
    },
    SpaceSettings: {
      members: {
        AppType: {
          shape: 'AppType',
        },
        CodeEditorAppSettings: {
          shape: 'SpaceCodeEditorAppSettings',
        },
        CustomFileSystems: {
          shape: 'CustomFileSystems',
        },
        JupyterLabAppSettings: {
          shape: 'SpaceJupyterLabAppSettings',
        },
        RemoteAccess: {
          shape: 'FeatureStatus',
        },
        SpaceManagedResources: {
          shape: 'FeatureStatus',
        },
        SpaceStorageSettings: {
          shape: 'SpaceStorageSettings',
        },
      },
    },
    SpaceSettingsSummary: {
      members: {
        AppType: {
          shape: 'AppType',
        },
        RemoteAccess: {
          shape: 'FeatureStatus',
        },
        SpaceStorageSettings: {
          shape: 'SpaceStorageSettings',
        },
      },
      type: 'structure',
    },
    SpaceSharingSettings: {
      members: {
        SharingType: {
          shape: 'SharingType',
        },
      },
      required: ['SharingType'],
      type: 'structure',
    },
    SpaceSharingSettingsSummary: {
      members: {
        SharingType: {
          shape: 'SharingType',
        },
      },
      type: 'structure',
    },
    SpaceStorageSettings: {
      members: {
        EbsStorageSettings: {
          shape: 'EbsStorageSettings',
        },
      },
      type: 'structure',
    },
    StudioLifecycleConfigAppType: {
      enum: ['CodeEditor', 'JupyterLab'],
    },
    StudioResourceSpecTrainingPlanArn: {
      max: 2048,
      min: 0,
      pattern: '(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:training-plan/.*|None)',
      type: 'string',
    },
    StudioWebPortal: {
      enum: ['ENABLED', 'DISABLED'],
      type: 'string',
    },
    StudioWebPortalSettings: {
      members: {
        ExecutionRoleSessionNameMode: {
          shape: 'ExecutionRoleSessionNameMode',
        },
        HiddenAppTypes: {
          shape: 'HiddenAppTypesList',
        },
        HiddenInstanceTypes: {
          shape: 'HiddenInstanceTypesList',
        },
        HiddenMlTools: {
          shape: 'HiddenMlToolsList',
        },
        HiddenSageMakerImageVersionAliases: {
          shape: 'HiddenSageMakerImageVersionAliasesList',
        },
      },
      type: 'structure',
    },
    TagPropagation: {
      enum: ['ENABLED', 'DISABLED'],
      type: 'string',
    },
    TrustedIdentityPropagationSettings: {
      members: {
        Status: {
          shape: 'FeatureStatus',
        },
      },
      required: ['Status'],
      type: 'structure',
    },
    Uid: {
      max: 4000000,
      min: 10000,
      type: 'long',
    },
    UnifiedStudioDomainId: {
      pattern: 'dzd[-_][a-zA-Z0-9_-]{1,36}',
      type: 'string',
    },
    UnifiedStudioEnvironmentId: {
      pattern: '[a-zA-Z0-9_-]{1,36}',
      type: 'string',
    },
    UnifiedStudioProjectId: {
      pattern: '[a-zA-Z0-9_-]{1,36}',
      type: 'string',
    },
    UnifiedStudioSettings: {
      members: {
        DomainAccountId: {
          shape: 'AccountId',
        },
        DomainId: {
          shape: 'UnifiedStudioDomainId',
        },
        DomainRegion: {
          shape: 'RegionName',
        },
        EnvironmentId: {
          shape: 'UnifiedStudioEnvironmentId',
        },
        ProjectId: {
          shape: 'UnifiedStudioProjectId',
        },
        ProjectS3Path: {
          shape: 'S3Uri',
        },
        SingleSignOnApplicationArn: {
          shape: 'SingleSignOnApplicationArn',
        },
        StudioWebPortalAccess: {
          shape: 'FeatureStatus',
        },
      },
      type: 'structure',
    },
    UpdateSpaceRequest: {
      members: {
        SpaceDisplayName: {
          shape: 'NonEmptyString64',
        },
      },
    },
    UserSettings: {
      members: {
        AutoMountHomeEFS: {
          shape: 'AutoMountHomeEFS',
        },
        CodeEditorAppSettings: {
          shape: 'CodeEditorAppSettings',
        },
        CustomFileSystemConfigs: {
          shape: 'CustomFileSystemConfigs',
        },
        CustomPosixUserConfig: {
          shape: 'CustomPosixUserConfig',
        },
        DefaultLandingUri: {
          shape: 'LandingUri',
        },
        JupyterLabAppSettings: {
          shape: 'JupyterLabAppSettings',
        },
        SpaceStorageSettings: {
          shape: 'DefaultSpaceStorageSettings',
        },
        StudioWebPortal: {
          shape: 'StudioWebPortal',
        },
        StudioWebPortalSettings: {
          shape: 'StudioWebPortalSettings',
        },
      },
    },
    VersionAliasesList: {
      max: 20,
      member: {
        shape: 'ImageVersionAliasPattern',
      },
      min: 0,
      type: 'list',
    },
    VpcOnlyTrustedAccounts: {
      max: 20,
      member: {
        shape: 'AccountId',
      },
      min: 0,
      type: 'list',
    },
    WorkspaceSettings: {
      members: {
        S3ArtifactPath: {
          shape: 'S3Uri',
        },
        S3KmsKeyId: {
          shape: 'KmsKeyId',
        },
      },
      type: 'structure',
    },
  },
};
