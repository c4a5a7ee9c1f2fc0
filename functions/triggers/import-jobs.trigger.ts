/** PLACEHOLDER owned by the import/export feature: replace wholesale. */
import type { InvocationContext } from '@azure/functions';
import type { AppServices } from '../app-services';

export async function onImportJob(_services: AppServices, _message: unknown, _context: InvocationContext): Promise<void> {}
