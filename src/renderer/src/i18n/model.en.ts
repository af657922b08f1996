/**
 * English texts of the win-probability model (智能评分): the `model` section of en.ts, in a
 * file of its own so other areas can edit en.ts at the same time. The factors' sentences
 * come from the backend in both languages (shared/messages/model.ts).
 */
export const modelEn = {
  title: 'Win probability (model)',
  hint: 'Learnt from this workspace’s own history: how often deals like this one, at this point, were won within {{days}} days.',
  probabilityLabel: 'Model’s win probability',
  stage: 'Stage probability {{value}}%',
  factorsLabel: 'What moves it most',
  raises: 'raises it',
  lowers: 'lowers it',
  /** After a factor's sentence; the space is English's (Chinese full-width brackets carry their own). */
  effect: ' ({{effect}})',
  notOpen: 'Only open deals are scored.',
  notEnough: 'Not enough history yet to train the model.',
  loadError: 'The win probability could not be computed: {{message}}',
  slideValue: 'Model {{model}}% · stage {{stage}}%',
};
