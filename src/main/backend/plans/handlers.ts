import type { planChannels } from '@shared/contract';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { stageNamer } from '../review/handlers';
import { loadStages } from '../stages/model';
import { workspaceNow } from '../workspace/settings';
import { buyingCentre, deleteContact, saveContact } from './contacts';
import { draftPlan } from './draft';
import { planDocument } from './export/document';
import { planFile } from './export/files';
import { plansForDeal, planQueue, planStates } from './lists';
import { listPlaybooks, playbookOf, savePlaybooks } from './playbook';
import { readPlan } from './read';
import { savePlan } from './save';
import { checkItem, deletePlan, recordOutcome, reviewPlan, submitPlan } from './sign-off';

/**
 * The pre-call plan channels. Which visits are "next" follows the workspace's clock
 * (its now, fixed in a demo); the stamps of a plan's events follow the wall clock, as a
 * meeting's do.
 */
export const planHandlers = ({ ws }: BackendContext): Handlers<typeof planChannels> => {
  const document = (planId: number, lang: 'zh-CN' | 'en') => {
    const plan = readPlan(ws, planId);
    const stages = loadStages(ws);
    const judged = plan.dealStage ?? plan.planStage;
    return {
      plan,
      doc: planDocument(
        plan,
        buyingCentre(ws, plan.dealId, judged),
        playbookOf(ws, judged, stages),
        lang,
        stageNamer(stages, lang),
      ),
    };
  };
  return {
    'playbook.list': () => listPlaybooks(ws),
    'playbook.save': ({ playbooks }) => savePlaybooks(ws, playbooks),
    'contacts.list': ({ dealId }) => buyingCentre(ws, dealId),
    'contacts.save': ({ dealId, contact }) => saveContact(ws, dealId, contact, Date.now()),
    'contacts.delete': ({ contactId }) => deleteContact(ws, contactId),
    'plans.draft': ({ dealId, lang }) => draftPlan(ws, dealId, lang),
    'plans.forDeal': ({ dealId }) => plansForDeal(ws, dealId, workspaceNow(ws)),
    'plans.get': ({ planId }) => readPlan(ws, planId),
    'plans.save': (input) => savePlan(ws, input, Date.now()),
    'plans.submit': ({ planId, by }) => submitPlan(ws, planId, by, Date.now()),
    'plans.review': (input) => reviewPlan(ws, input, Date.now()),
    'plans.outcome': (input) => recordOutcome(ws, input, Date.now()),
    'plans.check': ({ planId, itemId, done }) => checkItem(ws, planId, itemId, done, Date.now()),
    'plans.delete': ({ planId }) => deletePlan(ws, planId),
    'plans.queue': (scope) => planQueue(ws, scope),
    'plans.states': ({ dealIds }) => planStates(ws, dealIds, workspaceNow(ws)),
    'plans.document': ({ planId, lang }) => document(planId, lang).doc,
    'plans.export': ({ planId, format, lang }) => {
      const { plan, doc } = document(planId, lang);
      return planFile(doc, format, lang, plan);
    },
  };
};
