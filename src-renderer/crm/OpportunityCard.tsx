import { styled } from '@mui/material/styles';
import type { DraggableProvided } from '@hello-pangea/dnd';
import { memo, type CSSProperties } from 'react';
import type { PipelineCard } from '../../src-shared/crm/crm-contract';
import { formatDay, formatMoney } from '../../src-shared/format/display-format';

/** Height of a card's slot in a stage column, gap included: fixed, so a column of hundreds can be virtualised. */
export const OPPORTUNITY_SLOT = 112;
const GAP = 8;

/**
 * The card's look as one styled element with plain children (one CSS class per theme): a column
 * of 2,000 opportunities mounts cards while it scrolls and while a card is dragged, so no per-card
 * sx or MUI widgets. The drag clone renders on the page body and carries the same class.
 */
const CardBox = styled('div')(({ theme }) => ({
  height: OPPORTUNITY_SLOT - GAP, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', gap: 2,
  padding: theme.spacing(1, 1.25), backgroundColor: theme.palette.background.paper, borderRadius: Number(theme.shape.borderRadius) * 1.5,
  border: `1px solid ${theme.palette.divider}`, overflow: 'hidden', cursor: 'grab', color: theme.palette.text.primary,
  '&:hover': { borderColor: theme.palette.text.disabled },
  '&[data-dragging="true"]': { borderColor: theme.palette.primary.main, boxShadow: theme.shadows[8], cursor: 'grabbing' },
  '& .oc-caption': { ...theme.typography.caption, color: theme.palette.text.secondary, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  '& .oc-name': { ...theme.typography.body2, fontWeight: 500, cursor: 'pointer', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', '&:hover': { textDecoration: 'underline' } },
  '& .oc-value': { ...theme.typography.body2, whiteSpace: 'nowrap' },
}));

/** What a card shows. Memoised on the card object, which the live query keeps while the opportunity is unchanged. */
const CardContent = memo(function CardContent({ card, onOpen }: { card: PipelineCard; onOpen?: ((id: string) => void) | undefined }) {
  return (
    <>
      <span className="oc-caption">{card.number} · {card.organisationName}</span>
      <span className="oc-name" onClick={onOpen ? () => onOpen(card.id) : undefined}>{card.name}</span>
      <span className="oc-value">{formatMoney(card.value.amountMinor, card.value.currency)} · {card.probabilityPercent} %</span>
      <span className="oc-caption">Closes {formatDay(card.expectedCloseOn)}{card.ownerName ? ` · ${card.ownerName}` : ''}</span>
    </>
  );
});

interface Props {
  card: PipelineCard;
  provided: DraggableProvided;
  isDragging: boolean;
  /** Position in the virtual list; absent for the drag clone. */
  style?: CSSProperties | undefined;
  onOpen?: ((id: string) => void) | undefined;
}

/** A draggable opportunity: the drag wrapper (follows the list's positions) around the memoised content. */
export function OpportunityCard({ card, provided, isDragging, style, onOpen }: Props) {
  return (
    <div ref={provided.innerRef} {...provided.draggableProps} {...provided.dragHandleProps} style={{ ...provided.draggableProps.style, ...style, height: OPPORTUNITY_SLOT - GAP }}
      data-testid="opportunity-card" aria-label={card.name}>
      <CardBox data-dragging={isDragging}>
        <CardContent card={card} onOpen={onOpen} />
      </CardBox>
    </div>
  );
}
