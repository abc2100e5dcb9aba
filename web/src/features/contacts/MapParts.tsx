import { ActionIcon, Avatar, Group, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconUserQuestion, IconX } from '@tabler/icons-react';
import {
  BaseEdge,
  type Edge,
  type EdgeProps,
  EdgeLabelRenderer,
  getSmoothStepPath,
  Handle,
  type Node,
  type NodeProps,
  Position,
  useConnection,
  useReactFlow,
} from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { attitudes } from '../../../../src/modules/contacts/contacts.contracts';
import { initials } from '../../ui/initials';
import { attitudeColor, BuyingRoleBadge, Dots } from './contactOptions';
import type { Contact } from './contactsApi';
import { NODE_HEIGHT, nodeWidth } from './mapLayout';

export type StakeholderNodeType = Node<{ contact: Contact; canEdit: boolean }, 'stakeholder'>;
export type ReportsToEdgeType = Edge<Record<string, never>, 'reportsTo'>;

/** Elements that help while editing but do not belong in an exported picture. */
export const NO_EXPORT = 'grove-map-noexport';

function tint(attitude: Contact['attitude']) {
  if (!attitude) return { border: '1px dashed var(--mantine-color-default-border)', background: 'var(--mantine-color-body)' };
  const c = attitudeColor[attitude];
  return {
    border: `1px solid var(--mantine-color-${c}-${attitude === 'neutral' ? 4 : 5})`,
    borderLeft: `5px solid var(--mantine-color-${c}-${attitude === 'neutral' ? 5 : 6})`,
    // the light tint over the page colour, so the grid does not show through the card
    background: `linear-gradient(var(--mantine-color-${c}-light), var(--mantine-color-${c}-light)), var(--mantine-color-body)`,
  };
}

/**
 * A stakeholder on the map: coloured by attitude, as wide as their influence, with name, title,
 * buying role, our relation owner's initials and the relationship strength. The dot underneath
 * starts a reports-to line; while a line is being drawn the whole card accepts it.
 */
export function StakeholderNode({ id, data, selected }: NodeProps<StakeholderNodeType>) {
  const { t } = useTranslation();
  const c = data.contact;
  const connection = useConnection();
  const receiving = connection.inProgress && connection.fromNode.id !== id;
  const targeted = receiving && connection.toNode?.id === id;
  const big = (c.influence ?? 0) >= 4;
  return (
    <div
      data-testid="map-node"
      data-name={c.fullName}
      style={{
        width: nodeWidth(c.influence),
        minHeight: NODE_HEIGHT,
        borderRadius: 10,
        padding: '8px 10px',
        boxShadow: selected || targeted ? '0 0 0 2px var(--mantine-color-teal-6)' : 'var(--mantine-shadow-xs)',
        color: 'var(--mantine-color-text)',
        ...tint(c.attitude),
      }}
    >
      <Handle
        type="target"
        position={Position.Top}
        isConnectableStart={false}
        style={{
          inset: 0,
          width: '100%',
          height: '100%',
          transform: 'none',
          borderRadius: 10,
          opacity: 0,
          pointerEvents: receiving ? 'all' : 'none',
        }}
      />
      <Stack gap={2}>
        <Text fw={700} fz={big ? 15 : 13} lh={1.25} lineClamp={2} style={{ wordBreak: 'break-word' }}>
          {c.fullName}
        </Text>
        <Text fz={11} c="dimmed" lineClamp={2} lh={1.3} mih={14}>
          {c.title ?? ''}
        </Text>
        <Group justify="space-between" wrap="nowrap" mt={4} gap={6}>
          <Group gap={6} wrap="nowrap" miw={0}>
            {c.relationOwner ? (
              <Tooltip label={`${t('contacts.fields.relationOwner')}: ${c.relationOwner.name}`} openDelay={200}>
                <Avatar size={22} radius="xl" color="teal" variant="filled" fz={10} data-testid="map-owner">
                  {initials(c.relationOwner.name)}
                </Avatar>
              </Tooltip>
            ) : (
              <Tooltip label={t('contacts.noOwner')} openDelay={200}>
                <ThemeIcon size={22} radius="xl" variant="default" c="dimmed" style={{ borderStyle: 'dashed' }}>
                  <IconUserQuestion size={13} />
                </ThemeIcon>
              </Tooltip>
            )}
            <BuyingRoleBadge role={c.buyingRole} size="xs" />
          </Group>
          <Dots value={c.relationshipStrength} kind="strength" size={6} />
        </Group>
      </Stack>
      <Handle
        type="source"
        position={Position.Bottom}
        isConnectable={data.canEdit}
        className={NO_EXPORT}
        style={{
          width: 12,
          height: 12,
          background: 'var(--mantine-color-body)',
          border: '2px solid var(--mantine-color-teal-6)',
          visibility: data.canEdit ? 'visible' : 'hidden',
        }}
      />
    </div>
  );
}

/** A reports-to line; when selected, a button removes it (Delete does the same). */
export function ReportsToEdge(props: EdgeProps<ReportsToEdgeType>) {
  const { t } = useTranslation();
  const { deleteElements } = useReactFlow();
  const [path, labelX, labelY] = getSmoothStepPath({ ...props, borderRadius: 10 });
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        style={{
          stroke: props.selected ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-gray-5)',
          strokeWidth: props.selected ? 2.5 : 1.6,
        }}
        interactionWidth={18}
      />
      {props.selected && props.deletable && (
        <EdgeLabelRenderer>
          <div
            className={`nodrag nopan ${NO_EXPORT}`}
            style={{ position: 'absolute', transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, pointerEvents: 'all' }}
          >
            <Tooltip label={t('contacts.map.removeLine')}>
              <ActionIcon
                size="sm"
                radius="xl"
                color="red"
                variant="filled"
                aria-label={t('contacts.map.removeLine')}
                onClick={() => deleteElements({ edges: [{ id: props.id }] })}
                data-testid="remove-line"
              >
                <IconX size={12} />
              </ActionIcon>
            </Tooltip>
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

/** What the colours, sizes and marks of the map mean; shown under the map. */
export function MapLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="sm" mt={6} data-testid="map-legend" wrap="wrap" style={{ rowGap: 4 }}>
      {attitudes.map((a) => (
        <Group key={a} gap={6} wrap="nowrap">
          <span style={{ width: 16, height: 11, borderRadius: 3, ...tint(a), borderLeftWidth: 4 }} />
          <Text size="xs" c="dimmed">
            {t(`contacts.attitudes.${a}`)}
          </Text>
        </Group>
      ))}
      {(['size', 'owner', 'strength', 'line'] as const).map((k) => (
        <Text key={k} size="xs" c="dimmed">
          {t(`contacts.legend.${k}`)}
        </Text>
      ))}
    </Group>
  );
}
