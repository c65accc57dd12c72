import { useEffect, useMemo, useRef, useState } from 'react';
import type { DefinitionProblem, WorkflowDefinition } from '../../src-shared/workflows/definition-schema';
import type { DefinitionVersionView } from '../../src-shared/workflows/workflow-contract';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { newCommandId } from './command-id';
import { isFormReadable } from './definition-edit';

const VALIDATE_DELAY_MS = 400;

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** The version the editor opens: the open draft, else the newest. */
const editableVersion = (versions: DefinitionVersionView[]) => versions.find((v) => v.status === 'draft') ?? versions[0];

/**
 * The editor's working copy of one workflow: the definition the form edits, the JSON text the JSON
 * view edits (the two follow each other), whether it differs from what is saved, and the problems
 * the host's validator finds, asked for a moment after each change.
 */
export function useDefinitionDraft(code: string) {
  const versions = useLiveQuery('workflows/definitions/get', { code });
  const validate = useCommand('workflows/definitions/validate');
  const update = useCommand('workflows/definitions/update');
  const publish = useCommand('workflows/definitions/publish');
  const [definition, setDefinition] = useState<WorkflowDefinition | null>(null);
  const [text, setText] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [baseline, setBaseline] = useState<string | null>(null);
  const [problems, setProblems] = useState<DefinitionProblem[] | null>(null);
  const [validateError, setValidateError] = useState<string | null>(null);
  const validation = useRef(0);

  const loaded = versions.data ? editableVersion(versions.data.versions) : undefined;
  // Take the stored version when nothing is being edited: on open, and when another PC changes it while this one is clean.
  const isDirty = definition !== null && baseline !== null && pretty(definition) !== baseline;
  const hasTextEdits = jsonError !== null;
  useEffect(() => {
    if (!loaded || isDirty || hasTextEdits) return;
    const stored = pretty(loaded.definition);
    if (stored === baseline) return;
    setDefinition(loaded.definition);
    setText(stored);
    setBaseline(stored);
  }, [loaded, isDirty, hasTextEdits, baseline]);

  // What the validator sees: the JSON text while it parses, so shape problems show as they are typed.
  const candidate = useMemo(() => {
    try {
      return { value: JSON.parse(text) as unknown };
    } catch {
      return null;
    }
  }, [text]);
  useEffect(() => {
    if (!candidate) return;
    const ticket = ++validation.current;
    const timer = setTimeout(async () => {
      const result = await validate.run({ definition: candidate.value });
      if (ticket !== validation.current) return;
      if (result.ok) {
        setProblems(result.value);
        setValidateError(null);
      } else setValidateError(result.error.message);
    }, VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [candidate]); // eslint-disable-line react-hooks/exhaustive-deps -- validate.run is a fresh closure each render

  /** The form changed the definition: the JSON text follows. */
  const edit = (next: WorkflowDefinition) => {
    setDefinition(next);
    setText(pretty(next));
    setJsonError(null);
  };

  /** The JSON text changed: the form follows whenever the text is a readable definition. */
  const editText = (next: string) => {
    setText(next);
    try {
      const parsed: unknown = JSON.parse(next);
      if (isFormReadable(parsed)) {
        setDefinition(parsed);
        setJsonError(null);
      } else setJsonError('The form needs an object with a "steps" list; it shows the last readable version.');
    } catch (error) {
      setJsonError(`Not valid JSON: ${(error as Error).message}`);
    }
  };

  const save = async () => {
    if (!definition) return false;
    const result = await update.run({ commandId: newCommandId(), code, definition });
    if (result.ok) {
      const stored = pretty(result.value.definition);
      setDefinition(result.value.definition);
      setText(stored);
      setBaseline(stored);
    }
    return result.ok;
  };

  const saveAndPublish = async () => {
    if (isDirty && !(await save())) return false;
    const result = await publish.run({ commandId: newCommandId(), code });
    if (result.ok) {
      const stored = pretty(result.value.definition.definition);
      setDefinition(result.value.definition.definition);
      setText(stored);
      setBaseline(stored);
    }
    return result.ok;
  };

  const discard = () => {
    if (!loaded) return;
    const stored = pretty(loaded.definition);
    setDefinition(loaded.definition);
    setText(stored);
    setBaseline(stored);
    setJsonError(null);
  };

  return {
    versions,
    loaded,
    canManage: versions.data?.canManage ?? false,
    definition,
    text,
    jsonError,
    isDirty: isDirty || hasTextEdits,
    problems,
    validateError,
    isValidating: validate.isRunning,
    edit,
    editText,
    save,
    saveAndPublish,
    discard,
    saveError: update.error,
    publishError: publish.error,
    isSaving: update.isRunning || publish.isRunning,
  };
}
