import { useState } from 'react';
import type { AppError } from '../../src-shared/core/result';
import { useCommand } from '../bridge/BridgeProvider';
import { newCommandId } from './command-id';
import { saveTextFile } from '../files/save-text-file';

/** Import of a definition file as a draft, and export of a version as a file. */
export function useDefinitionFiles() {
  const importer = useCommand('workflows/definitions/import');
  const exporter = useCommand('workflows/definitions/export');
  const [readError, setReadError] = useState<AppError | undefined>();

  const importFile = async (file: File): Promise<string | undefined> => {
    setReadError(undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (error) {
      // A file that is not JSON never reaches the host; say why here, next to the button.
      setReadError({ code: 'invalid_input', message: `${file.name} is not a JSON file (${(error as Error).message}).` });
      return undefined;
    }
    const result = await importer.run({ commandId: newCommandId(), definition: parsed, publish: false });
    return result.ok ? result.value.definition.code : undefined;
  };

  /** Downloads the file; the error when the host refused. */
  const exportCode = async (code: string, version?: number): Promise<AppError | undefined> => {
    const result = await exporter.run({ code, ...(version ? { version } : {}) });
    if (!result.ok) return result.error;
    saveTextFile(`${result.value.code}-v${result.value.version}.json`, result.value.json, 'application/json');
    return undefined;
  };

  return {
    importFile,
    exportCode,
    importError: readError ?? importer.error,
    isImporting: importer.isRunning,
    clear: () => {
      setReadError(undefined);
      importer.clearError();
      exporter.clearError();
    },
  };
}
