import type { ReviewRow } from '../../src-shared/hr/review-contract';

/**
 * What the reader may fill in on a review at its stage — the kind's field rules
 * (performance-review-kind.ts) as the form shows them; the host and the server judge them again.
 */
export interface ReviewEditing {
  selfRatings: boolean;
  managerRatings: boolean;
  progress: boolean;
  selfComments: boolean;
  managerComments: boolean;
}

export function reviewEditing(review: Pick<ReviewRow, 'role' | 'status'>): ReviewEditing {
  const isSelf = review.role === 'self';
  const isManager = review.role === 'manager';
  const { status } = review;
  return {
    selfRatings: isSelf && status === 'self_review',
    managerRatings: isManager && (status === 'manager_review' || status === 'meeting'),
    progress: (isSelf && status === 'self_review') || (isManager && ['self_review', 'manager_review', 'meeting'].includes(status)),
    selfComments: isSelf && status === 'self_review',
    managerComments: isManager && (status === 'manager_review' || status === 'meeting'),
  };
}

/** The next step the reader takes, if any: the transition's target and its button. */
export function nextStep(review: Pick<ReviewRow, 'role' | 'status' | 'meetingId'>): { to: string; label: string } | null {
  if (review.role === 'self' && review.status === 'self_review') return { to: 'manager_review', label: 'Hand to my manager' };
  if (review.role === 'manager' && review.status === 'manager_review') return { to: 'meeting', label: 'Ready to discuss' };
  if (review.role === 'manager' && review.status === 'meeting' && review.meetingId) return { to: 'sign_off', label: 'Discussed' };
  return null;
}
