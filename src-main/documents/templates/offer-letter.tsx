import { Text } from '@react-pdf/renderer';
import { formatDocumentDay, formatDocumentMoney } from '../../../src-shared/documents/signature-lines';
import type { CandidateData } from '../../../src-shared/hr/candidate-kind';
import { employmentTypes } from '../../../src-shared/hr/employee-kind';
import type { JobRequisitionData } from '../../../src-shared/hr/job-requisition-kind';
import { DocumentFrame } from '../components/DocumentFrame';
import { documentStyles as s } from '../components/document-styles';
import { FieldList } from '../components/FieldList';
import { withLoadedData } from '../document-template';

/**
 * The offer letter to a candidate: the post from their requisition (title, employment, place),
 * the offered salary and start date from the candidate's offer terms, and by when to answer.
 * Printed from the candidate at the offer stage; the hiring team reads it (the candidate's scope).
 */
export const offerLetterTemplate = withLoadedData({
  id: 'offer_letter',
  label: 'Offer letter',
  prints: { recordKinds: ['candidate'] },
  fileName: (data) => `${(data.subject.number || 'draft').replace(/[^A-Za-z0-9-]/g, '_')} Offer letter.pdf`,
  load: async (db, data): Promise<Partial<JobRequisitionData>> => {
    const requisitionId = (data.subject.record?.data as Partial<CandidateData> | undefined)?.requisitionId ?? '';
    const requisition = requisitionId ? await db.records.findOne(requisitionId).exec() : null;
    return requisition?.get('kind') === 'job_requisition' ? (requisition.get('data') as Partial<JobRequisitionData>) : {};
  },
  render: (data, post) => {
    const offer = (data.subject.record?.data ?? {}) as Partial<CandidateData>;
    const jobTitle = post.jobTitle || 'the post we discussed';
    const employment = employmentTypes.find((t) => t.value === post.employmentType)?.label ?? '';
    const salary = offer.offerSalary ? formatDocumentMoney(offer.offerSalary.amountMinor, offer.offerSalary.currency) : 'To be agreed';
    return (
      <DocumentFrame data={data} title={`Offer of employment: ${jobTitle}`} subtitle={offer.name ?? ''}>
        <Text style={s.paragraph}>Dear {offer.name},</Text>
        <Text style={s.paragraph}>
          Following your interviews, we are pleased to offer you the post of {jobTitle}{data.organisation?.name ? ` at ${data.organisation.name}` : ''} on the terms below.
        </Text>
        <FieldList
          fields={[
            { label: 'Post', value: jobTitle },
            { label: 'Employment', value: employment },
            { label: 'Place of work', value: post.location ?? '' },
            { label: 'Start date', value: offer.offerStartDate ? formatDocumentDay(offer.offerStartDate) : 'To be agreed' },
            { label: 'Salary (a year)', value: salary },
            { label: 'Our reference', value: data.subject.number },
          ]}
        />
        <Text style={s.paragraph}>
          {offer.offerRespondBy ? `Please let us know by ${formatDocumentDay(offer.offerRespondBy)} whether you accept this offer.` : 'Please let us know whether you accept this offer.'} The offer is subject to the usual checks of references and qualifications.
        </Text>
        <Text style={s.paragraph}>We look forward to working with you.</Text>
      </DocumentFrame>
    );
  },
});
