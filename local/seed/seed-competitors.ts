/**
 * Six competitor profiles for the demo tenant, each with a note or two on their moves. Created
 * through the same use cases as the API with deterministic ids, so a re-run creates nothing; runs
 * before the opportunities, which name some of them.
 */
import type { CompetitorCreate } from '../../shared/contracts/competitors.contract';
import { addStrategyNote } from '../../functions/usecases/competitors/add-strategy-note.usecase';
import { createCompetitor } from '../../functions/usecases/competitors/create-competitor.usecase';
import { seedId } from './seed-data';
import { callWithId, createOnce, principalOf, demoUser, type SeedContext } from './seed-support';

interface SeedCompetitor {
  key: string;
  input: CompetitorCreate;
  notes: Array<{ author: string; text: string }>;
}

export const competitorSeedId = (key: string) => seedId(`competitor:${key}`);

const DEMO_COMPETITORS: SeedCompetitor[] = [
  {
    key: 'salesforge',
    input: {
      name: 'Salesforge CRM', website: 'https://salesforge.example', threatLevel: 'high',
      description: 'Market-leading cloud CRM, sold top-down to large enterprises with a big partner ecosystem.',
      strengths: ['Brand recognition with executives', 'Huge app marketplace', 'Deep customisation'],
      weaknesses: ['Expensive add-ons and per-edition pricing', 'Long implementations that need a partner', 'Outlook integration is a separate product'],
      talkingPoints: ['Our reps work inside Outlook: no second screen to keep up to date', 'Total cost over three years, add-ons included', 'Live in weeks, not quarters'],
      products: ['Salesforge Sales Cloud', 'Salesforge Inbox Connector', 'Salesforge Analytics'],
    },
    notes: [
      { author: 'manager', text: 'Raised list prices by 9% at renewal for several of our prospects; expect budget pressure on their side.' },
      { author: 'rep1', text: 'Now bundles the Inbox Connector free for the first year in competitive deals.' },
    ],
  },
  {
    key: 'pipelinehub',
    input: {
      name: 'PipelineHub', website: 'https://pipelinehub.example', threatLevel: 'high',
      description: 'Marketing-led CRM with a free tier; lands in small teams and expands.',
      strengths: ['Free entry tier', 'Strong marketing automation', 'Slick onboarding'],
      weaknesses: ['Prices jump sharply past the starter tier', 'Weak forecasting for managers', 'Limited field-level security'],
      talkingPoints: ['Forecast in Excel, where managers already work', 'Field-level security on margins out of the box', 'Predictable per-user pricing'],
      products: ['PipelineHub Sales Starter', 'PipelineHub Marketing Pro'],
    },
    notes: [{ author: 'rep2', text: 'Pushing a "switch in a weekend" migration offer to our West-coast prospects.' }],
  },
  {
    key: 'dynamo',
    input: {
      name: 'Dynamo Sales Suite', website: 'https://dynamo-suite.example', threatLevel: 'medium',
      description: 'ERP vendor’s CRM module, usually proposed where their ERP is already installed.',
      strengths: ['Tight ERP integration', 'Single vendor for finance and sales'],
      weaknesses: ['Dated user interface', 'Reps rarely adopt it', 'Slow release cycle'],
      talkingPoints: ['Adoption: the CRM lives where reps already are', 'Our ERP export feeds their ERP without a second CRM', 'Ask for their active-user figures'],
      products: ['Dynamo CRM module', 'Dynamo Field Service'],
    },
    notes: [{ author: 'manager', text: 'Announced a new mobile app for next quarter; no Outlook add-in on their roadmap.' }],
  },
  {
    key: 'closewise',
    input: {
      name: 'Closewise', website: 'https://closewise.example', threatLevel: 'medium',
      description: 'Sales-engagement platform (sequences, dialler) that increasingly positions itself as a CRM.',
      strengths: ['Built-in dialler and call recording', 'E-mail sequences'],
      weaknesses: ['Thin account and contact model', 'No quotes or catalogue', 'Reporting needs exports'],
      talkingPoints: ['Quotes and orders from the same record', 'Pipeline analysis in Excel with live data'],
      products: ['Closewise Engage', 'Closewise Dialer'],
    },
    notes: [],
  },
  {
    key: 'nimbusdesk',
    input: {
      name: 'NimbusDesk', website: 'https://nimbusdesk.example', threatLevel: 'low',
      description: 'Help-desk vendor with a light CRM add-on, present where support buys first.',
      strengths: ['Strong ticketing', 'Low price'],
      weaknesses: ['CRM add-on lacks pipeline stages and forecasting', 'No Office integration'],
      talkingPoints: ['Sales and support share contacts through our API', 'Forecast and stages built for sales teams'],
      products: ['NimbusDesk Service', 'NimbusDesk CRM add-on'],
    },
    notes: [],
  },
  {
    key: 'in-house',
    input: {
      name: 'In-house spreadsheets', threatLevel: 'low',
      description: 'The status quo: shared workbooks and mailbox folders maintained by the sales team.',
      strengths: ['Free and familiar', 'Fully flexible'],
      weaknesses: ['No audit trail or access control', 'Versions diverge', 'Managers rebuild the forecast every week'],
      talkingPoints: ['Keep Excel: our add-in brings live CRM data into it', 'Audit trail and field-level security for sensitive margins'],
      products: [],
    },
    notes: [{ author: 'rep1', text: 'Several prospects cite the cost of change; lead with the Excel add-in demo.' }],
  },
];

/** The profiles the seeded deals name, in a fixed order. */
export const SEEDED_COMPETITOR_IDS = DEMO_COMPETITORS.map((competitor) => competitorSeedId(competitor.key));

export async function seedCompetitors(context: SeedContext): Promise<void> {
  for (const competitor of DEMO_COMPETITORS) {
    const id = competitorSeedId(competitor.key);
    let created = false;
    await createOnce(context.report, async () => {
      await createCompetitor(callWithId(context, id), competitor.input);
      created = true;
    });
    // Notes only with a profile this run created: a re-run adds nothing twice.
    if (!created) continue;
    for (const [index, note] of competitor.notes.entries()) {
      const author = principalOf(demoUser(note.author));
      await addStrategyNote(callWithId(context, seedId(`competitor-note:${competitor.key}:${index}`), author), id, { text: note.text });
    }
  }
}
