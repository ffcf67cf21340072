// Jenkins' own messages for Declarative errors, verbatim, and the code (JKL4xx) each belongs to.
// Templates: pipeline-model-definition/src/main/resources/org/jenkinsci/plugins/pipeline/
// modeldefinition/Messages.properties and …/validator/Messages.properties, jenkinsci/
// pipeline-model-definition-plugin @ 42c9dc3e440b8e1b52d1859ea60fed20e8b54aa4 (unescaped: \u2018 is ‘).
// Jenkins formats every one of them with java.text.MessageFormat, arguments or not, so a lone `'`
// opens a quoted run and disappears (`can't` → `cant`) and `'{'` is a literal brace; render() does
// the same.

export const TEMPLATES = {
  'Parser.UndefinedSection': 'Undefined section "{0}"',
  'Parser.MultipleOfSection': 'Multiple occurrences of the {0} section',
  'ModelParser.InvalidSectionDefinition': 'Not a valid section definition: "{0}". Some extra configuration is required.',
  'ModelParser.InvalidStageSectionDefinition': 'Not a valid stage section definition: "{0}". Some extra configuration is required.',
  'ModelParser.UnknownStageSection': 'Unknown stage section "{0}". Starting with version 0.5, steps in a stage must be in a ‘steps’ block.',
  'ModelParser.RenamedProperties': 'The ‘properties’ section has been renamed as of version 0.8. Use ‘options’ instead.',
  'ModelParser.RenamedJobProperties': 'The ‘jobProperties’ section has been renamed as of version 0.7. Use ‘properties’ instead.',
  'ModelParser.RenamedNotifications': 'The ‘notifications’ section has been removed as of version 0.6. Use ‘post’ for all post-build actions.',
  'ModelParser.RenamedPostBuild': 'The ‘postBuild’ section has been renamed as of version 0.6. Use ‘post’ for all post-build actions.',
  'ModelParser.PipelineBlockNotAtTop': '{0} block must be at the top-level, not within another block.',
  'ModelParser.ExpectedBlockFor': 'Expected a block for {0}',
  'ModelParser.ExpectedBlock': 'Expected a block',
  'ModelParser.ExpectedStage': 'Expected a stage',
  'ModelParser.StageWithoutBlock': 'Stage does not have a block',
  'ModelParser.ExpectedStringLiteral': 'Expected string literal',
  'ModelParser.ExpectedStep': 'Expected a step',
  'ModelParser.ObjectMethodCall': 'Method calls on objects not allowed outside "script" blocks.',
  'ModelParser.ExpectedSymbol': 'Expected a symbol',
  'ModelParser.StepWithoutBlock': '{0} step without a block',
  'ModelParser.ExpectedClosureOrFailFast': 'Expected closure or failFast',
  'ModelParser.ExpectedBoolean': 'Expected a boolean with {0}',
  'ModelParser.ExpectedAgent': 'Expected an agent',
  'ModelParser.OneAgentMax': 'Only one agent type is allowed per agent section',
  'ModelParser.NoArgForAgent': 'No argument for agent',
  'ModelParser.InvalidAgent': `Only "agent none", "agent any" or "agent '{'...}" are allowed.`,
  'ModelParser.ExpectedMapMethod': 'Expected to find ‘someKey "someValue"’',
  'ModelParser.NoArgForMapMethodKey': 'No argument for map key "{0}"',
  'ModelParser.TooManyArgsForMapMethodKey': 'Too many arguments for map key "{0}"',
  'ModelParser.ExpectedTool': 'Expected to find ‘someTool "someVersion"’',
  'ModelParser.NoArgForTool': 'No argument for tool "{0}"',
  'ModelParser.TooManyArgsForTool': 'Too many arguments for tool "{0}"',
  'ModelParser.ExpectedOption': 'Expected an option',
  'ModelParser.ExpectedTrigger': 'Expected a trigger',
  'ModelParser.ExpectedBuildParameter': 'Expected a build parameter definition',
  'ModelParser.MapNotAllowed': '{0} cannot be defined as maps',
  'ModelParser.CannotHaveBlocks': '{0} definitions cannot have blocks',
  'ModelParser.MethodCallWithClosure': 'Method call arguments',
  'ModelParser.ExpectedLibrary': 'Expected a "lib(...)" but got {0}',
  'ModelParser.InvalidInputField': 'Not a valid field for input: "{0}"',
  'ModelParser.NoArgForField': 'No argument for field "{0}"',
  'ModelParser.TooManyArgsForField': 'Too many arguments for field "{0}"',
  'ModelParser.MatrixExcludeAxisValuesOrNotValues': 'Exclude axis must contain either "values" or "notValues"',
  'ModelParser.ExpectedWhen': 'Expected a when condition',
  'ModelParser.InvalidBuildCondition': 'The ‘post’ section can only contain build condition names with code blocks. Valid condition names are {0}',
  'ModelParser.DuplicateEnvVar': 'Duplicate environment variable name: "{0}"',
  'ModelParser.InvalidEnvironmentValue': 'Environment variable values must either be single quoted, double quoted, or function calls.',
  'ModelParser.InvalidEnvironmentOperation': 'Environment variable values can only be joined together with ‘+’s.',
  'ModelParser.InvalidEnvironmentConcatValue': 'Environment variable values to be concatenated together must be single or double quoted.',
  'ModelParser.InvalidEnvironmentIdentifier': '"{0}" is not a valid environment expression. Use "key = value" pairs with valid Java/shell keys.',
  'ModelParser.ExpectedNVPairs': 'Expected name=value pairs',
  'ModelParser.InvalidInternalFunctionArg': 'Internal function call parameters must be strings.',
  'ModelParser.BareDollarCurly': '{0} cannot be used as a value directly. Did you mean "{0}"? (add quotes)',
  'ModelParser.BigIntegerValue':
    'BigIntegers cannot be used as constants in Declarative. The maximum value for an integer is 9,223,372,036,854,775,807 and the minimum value for an integer is -9,223,372,036,854,775,808.',
  'ModelParser.ExpectedStringLiteralButGot': 'Expected string literal but got {0}',
  'ModelValidatorImpl.RequiredSection': 'Missing required section "{0}"',
  'ModelValidatorImpl.NoStages': 'No stages specified',
  'ModelValidatorImpl.DuplicateStageName': 'Duplicate stage name: "{0}"',
  'ModelValidatorImpl.NothingForStage': 'Expected one of "steps", "stages", or "parallel" for stage "{0}"',
  'ModelValidatorImpl.TwoOfStepsStagesParallel': 'Only one of "matrix", "parallel", "stages", or "steps" allowed for stage "{0}"',
  'ModelValidatorImpl.NoNestedWithinNestedStages': '"matrix" or "parallel" cannot be nested inside another "matrix" or "parallel".',
  'ModelValidatorImpl.AgentInNestedStages': '"agent" is not allowed in stage "{0}" as it contains parallel or matrix stages',
  'ModelValidatorImpl.ToolsInNestedStages': '"tools" is not allowed in stage "{0}" as it contains parallel or matrix stages',
  'ModelValidatorImpl.DuplicateParallelName': 'Duplicate parallel branch name: "{0}"',
  'ModelValidatorImpl.NoSteps': 'No steps specified for branch',
  'ModelValidatorImpl.EmptySection': '{0} can not be empty',
  'ModelValidatorImpl.DuplicateOptionName': 'Duplicate option name: "{0}"',
  'ModelValidatorImpl.DuplicateTriggerName': 'Duplicate trigger name: "{0}"',
  'ModelValidatorImpl.DuplicateBuildCondition': 'Duplicate build condition name: "{0}"',
  'ModelValidatorImpl.InvalidBuildCondition': 'Invalid condition "{0}" - valid conditions are {1}',
  'ModelValidatorImpl.NoEnvVars': 'No variables specified for environment',
  'ModelValidatorImpl.InvalidIdentifierInEnv':
    '"{0}" is not a valid identifier and cannot be used for an environment variable. Identifiers must start with a letter or underscore and can contain only letters, numbers or underscores.',
  'ModelValidatorImpl.NoTools': 'No tools specified',
  'ModelValidatorImpl.InvalidSectionType': 'Invalid {0} type "{1}". Valid {0} types: {2}',
  'ModelValidatorImpl.EmptyWhen': 'Empty when closure, remove the property or add some content.',
  'ModelValidatorImpl.UnknownWhenConditional': 'Unknown conditional {0}. Valid conditionals are: {1}',
  'ModelValidatorImpl.NestedWhenNoArgs': 'No additional arguments are allowed for children when condition "{0}".',
  'ModelValidatorImpl.NoNestedWhenAllowed': 'No children when conditions are allowed for when condition "{0}".',
  'ModelValidatorImpl.NestedWhenWithoutChildren': 'Nested when condition "{0}" requires at least one child condition.',
  'ModelValidatorImpl.NestedWhenWrongChildrenCount': 'Nested when condition "{0}" requires exactly {1} child condition(s).',
  'ModelValidatorImpl.NoAgentType': 'No agent type specified. Must be one of {0}',
  'ModelValidatorImpl.InvalidAgentType': 'Invalid agent type "{0}" specified. Must be one of {1}',
  'ModelValidatorImpl.MissingAgentParameter': 'Missing required parameter for agent type "{0}": {1}',
  'ModelValidatorImpl.InvalidAgentParameter': 'Invalid config option "{0}" for agent type "{1}". Valid config options are {2}',
  'ModelValidatorImpl.MultipleAgentParameters': 'Multiple parameters are required for agent type "{0}" - {1}. Please use a block instead.',
  'ModelValidatorImpl.MissingInputMessage': 'No message specified for input',
  'ModelValidatorImpl.NoAxes': 'No axis directives specified',
  'ModelValidatorImpl.NoExcludes': 'No exclude directives specified',
  'ModelValidatorImpl.DuplicateAxisName': 'Duplicate axis name: "{0}"',
  'ModelValidatorImpl.DuplicateAxisValue': 'Duplicate axis value: "{0}"',
  'ModelValidatorImpl.InvalidStepParameter': 'Invalid parameter "{0}", did you mean "{1}"?',
  'ModelValidatorImpl.MissingRequiredStepParameter': 'Missing required parameter: "{0}"',
  'ModelValidatorImpl.TooManyUnnamedParameters': 'Arguments to "{0}" must be explicitly named.',
  'ModelValidatorImpl.NotSingleRequiredParameter': 'Step does not take a single required parameter - use named parameters instead',
  'ModelValidatorImpl.MixedNamedAndUnnamedParameters': 'Cannot mix named and unnamed arguments',
  'ModelValidatorImpl.WrongNumberOfStepParameters': '"{0}" should have {1} arguments but has {2} arguments instead.',
  'ModelValidatorImpl.InvalidParameterType': 'Expecting "{0}" for parameter "{1}" but got "{2}" of type {3} instead',
  'ModelValidatorImpl.InvalidUnnamedParameterType': 'Expecting "{0}" but got "{1}" of type {2} instead',
  'ModelValidatorImpl.BlockedStep': 'Invalid step "{0}" used - not allowed in this context - {1}',
  'ParametersAndTriggersInOptions.RejectParameters': `The "parameters" job property can't be used in the "options" directive. Use the "parameters {...}" directive instead.`,
  'ParametersAndTriggersInOptions.RejectTriggers': `The "triggers" job property can't be used in the "options" directive. Use the "triggers {...}" directive instead.`,
  'BlockedStepsAndMethodCalls.BlockedSteps.Stage': 'The stage step cannot be used in Declarative Pipelines',
  'BlockedStepsAndMethodCalls.BlockedSteps.Properties': 'The properties step cannot be used in Declarative Pipelines',
  'BlockedStepsAndMethodCalls.BlockedSteps.Parallel': `The parallel step can only be used as the only top-level step in a stage's step block`,
  'BlockedStepsAndMethodCalls.BlockedSteps.Node': 'The node step cannot be called as an argument to a method in Declarative Pipelines',
  'WhenConditionalValidator.changelog.missingParameter': 'Changelog is missing required parameter "pattern".',
  'PreserveStashesJobProperty.ValidatorImpl.InvalidBuildCount': 'The number of builds to preserve must be between 1 and {0}.',
  'Parser.Options': 'Options',
  'Parser.Triggers': 'Triggers',
  'Parser.BuildParameters': 'Build parameters',
  'Parser.Libraries': 'Libraries',
  /** Not from a .properties file: ModelParser writes this one literally, so MessageFormat never sees it. */
  Wrappers: "The 'wrappers' section has been removed as of version 0.8. Use 'options' instead.",
} as const;

export type MessageKey = keyof typeof TEMPLATES;

/** A Java object as MessageFormat prints an argument: lists as `[a, b]`, everything else as a string. */
export type Arg = string | number | readonly string[];

/** Formats a template the way java.text.MessageFormat does (quotes, `''`, `{n}`). */
export function render(key: MessageKey, ...args: Arg[]): string {
  const template = TEMPLATES[key];
  if (key === 'Wrappers') return template;
  let out = '';
  let quoted = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c === "'") {
      if (template[i + 1] === "'") {
        out += "'";
        i++;
      } else quoted = !quoted;
      continue;
    }
    if (!quoted && c === '{') {
      const close = template.indexOf('}', i);
      const arg = args[Number(template.slice(i + 1, close))];
      out += Array.isArray(arg) ? `[${arg.join(', ')}]` : String(arg);
      i = close;
      continue;
    }
    out += c;
  }
  return out;
}
