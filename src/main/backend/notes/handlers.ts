import type { noteChannels } from '@shared/contract';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { deleteNote, saveNote } from './notes';

export const noteHandlers = ({ ws }: BackendContext): Handlers<typeof noteChannels> => ({
  'notes.save': (input) => saveNote(ws, input),
  'notes.delete': ({ noteId }) => deleteNote(ws, noteId),
});
