import '@xyflow/react/dist/style.css';
import { ActionIcon, Box, Button, Group, Loader, Stack, Text, ThemeIcon, Tooltip, useComputedColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck, IconDownload, IconHelpCircle, IconHierarchy2, IconSparkles } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Background,
  type Connection,
  Controls,
  type NodeChange,
  type OnNodeDrag,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useEdgesState,
  useNodesState,
  useReactFlow,
} from '@xyflow/react';
import { type ReactNode, type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../src/modules/accounts/accounts.contracts';
import type { SaveRelationshipMapRequest } from '../../../../src/modules/contacts/contacts.contracts';
import { wouldCreateCycle } from '../../../../src/modules/contacts/contacts.hierarchy';
import { ApiError } from '../../app/api';
import { showServerError } from '../../ui/formErrors';
import { type Contact, contactsApi, mapKey, type RelationshipMap as MapData, useRefreshAfterChange } from './contactsApi';
import { exportMapPng } from './exportPng';
import { MapLegend, ReportsToEdge, type ReportsToEdgeType, StakeholderNode, type StakeholderNodeType } from './MapParts';
import { nodeWidth, placeNodes } from './mapLayout';

const nodeTypes = { stakeholder: StakeholderNode };
const edgeTypes = { reportsTo: ReportsToEdge };
type Save = Partial<SaveRelationshipMapRequest>;

interface Props {
  account: Account;
  map: MapData;
  onOpen: (c: Contact) => void;
  /** the start of the toolbar row (the view switch) */
  leading?: ReactNode;
  /** the end of the toolbar row (add a stakeholder) */
  trailing?: ReactNode;
  /** between the toolbar and the map (the warnings) */
  above?: ReactNode;
}

export function RelationshipMap(props: Props) {
  return (
    <ReactFlowProvider>
      <MapCanvas {...props} />
    </ReactFlowProvider>
  );
}

function MapCanvas({ account, map, onOpen, leading, trailing, above }: Props) {
  const { t } = useTranslation();
  const scheme = useComputedColorScheme('light');
  const client = useQueryClient();
  const refresh = useRefreshAfterChange(account.id);
  const flow = useReactFlow<StakeholderNodeType, ReportsToEdgeType>();
  const wrapper = useRef<HTMLDivElement>(null);
  const height = useFillHeight(wrapper, map.warnings.map((w) => w.code).join());
  const canEdit = account.can.edit;
  const byId = useMemo(() => new Map(map.nodes.map((c) => [c.id, c])), [map.nodes]);
  const automatic = map.nodes.every((c) => c.mapX === null || c.mapY === null);

  const derived = useMemo(() => {
    const positions = placeNodes(
      map.nodes.map((c) => ({
        id: c.id,
        parentId: c.reportsTo && byId.has(c.reportsTo.id) ? c.reportsTo.id : null,
        width: nodeWidth(c.influence),
        x: c.mapX,
        y: c.mapY,
      })),
    );
    const nodes: StakeholderNodeType[] = map.nodes.map((c) => ({
      id: c.id,
      type: 'stakeholder',
      position: positions.get(c.id) ?? { x: 0, y: 0 },
      data: { contact: c, canEdit },
      draggable: canEdit,
      connectable: canEdit,
      deletable: false,
      ariaLabel: t('contacts.map.openCard', { name: c.fullName }),
    }));
    const edges: ReportsToEdgeType[] = map.edges.map((e) => ({ ...e, type: 'reportsTo', deletable: canEdit, selectable: canEdit }));
    return { nodes, edges };
  }, [map, byId, canEdit, t]);

  const [nodes, setNodes, onNodesChange] = useNodesState<StakeholderNodeType>(derived.nodes);
  const [edges, setEdges, onEdgesChange] = useEdgesState<ReportsToEdgeType>(derived.edges);
  useEffect(() => {
    setNodes(derived.nodes);
    setEdges(derived.edges);
  }, [derived, setNodes, setEdges]);

  // Frame the chart again when people join or leave it (the first framing is the `fitView` prop's).
  const idsKey = map.nodes.map((c) => c.id).join();
  const framed = useRef(idsKey);
  useEffect(() => {
    if (framed.current === idsKey) return;
    framed.current = idsKey;
    const timer = setTimeout(() => flow.fitView({ padding: 0.15, duration: 250, maxZoom: 1.1 }), 60);
    return () => clearTimeout(timer);
  }, [idsKey, flow]);

  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const failed = useRef<Save | null>(null);
  const save = useMutation({
    mutationFn: (body: Save) => contactsApi.saveMap(account.id, body),
    onMutate: () => setStatus('saving'),
    onSuccess: async (next, body) => {
      failed.current = null;
      setStatus('saved');
      client.setQueryData(mapKey(account.id), next);
      // a new line changes the list and the timeline; a moved card changes nothing else
      if (body.reportsTo?.length) await refresh();
    },
    onError: async (error, body) => {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        notifications.show({ color: 'orange', message: t('contacts.toast.conflict') });
        setStatus('idle');
      } else {
        showServerError(error);
        failed.current = body;
        setStatus('error');
      }
      await refresh({ timeline: false });
    },
  });

  const parents = useMemo(() => new Map(map.nodes.map((c) => [c.id, c.reportsTo?.id ?? null])), [map.nodes]);
  const isValidConnection = useCallback(
    (c: Connection | ReportsToEdgeType) => c.source !== c.target && !wouldCreateCycle(parents, c.target, c.source),
    [parents],
  );

  const onNodesChangeSafe = useCallback(
    (changes: NodeChange<StakeholderNodeType>[]) => onNodesChange(changes.filter((c) => c.type !== 'remove')),
    [onNodesChange],
  );

  /** After a drag, every card whose place differs from the stored one is saved: the layout is kept as seen. */
  const onNodeDragStop: OnNodeDrag<StakeholderNodeType> = useCallback(() => {
    const positions = flow
      .getNodes()
      .map((n) => ({ contactId: n.id, x: Math.round(n.position.x), y: Math.round(n.position.y) }))
      .filter((p) => {
        const stored = byId.get(p.contactId);
        return stored && (stored.mapX !== p.x || stored.mapY !== p.y);
      });
    if (positions.length) save.mutate({ positions });
  }, [flow, byId, save]);

  const onConnect = useCallback(
    (c: Connection) => {
      const report = byId.get(c.target);
      const manager = byId.get(c.source);
      if (!report || !manager || report.reportsTo?.id === manager.id) return;
      if (wouldCreateCycle(parents, report.id, manager.id)) {
        notifications.show({ color: 'orange', message: t('contacts.map.cycle', { name: manager.fullName }) });
        return;
      }
      setEdges((all) => [
        ...all.filter((e) => e.target !== report.id),
        { id: `${manager.id}>${report.id}`, source: manager.id, target: report.id, type: 'reportsTo', deletable: true },
      ]);
      save.mutate(
        { reportsTo: [{ contactId: report.id, reportsToId: manager.id, version: report.version }] },
        {
          onSuccess: () =>
            notifications.show({
              color: 'teal',
              message: t('contacts.map.lineSet', { report: report.fullName, manager: manager.fullName }),
            }),
        },
      );
    },
    [byId, parents, save, setEdges, t],
  );

  const onEdgesDelete = useCallback(
    (removed: ReportsToEdgeType[]) => {
      const lines = removed.flatMap((e) => {
        const report = byId.get(e.target);
        return report ? [{ contactId: report.id, reportsToId: null, version: report.version }] : [];
      });
      if (!lines.length) return;
      const first = removed[0]!;
      save.mutate(
        { reportsTo: lines },
        {
          onSuccess: () =>
            notifications.show({
              color: 'teal',
              message: t('contacts.map.lineRemoved', {
                report: byId.get(first.target)?.fullName ?? '',
                manager: byId.get(first.source)?.fullName ?? '',
              }),
            }),
        },
      );
    },
    [byId, save, t],
  );

  const [exporting, setExporting] = useState(false);
  const exportPng = async () => {
    const viewport = wrapper.current?.querySelector<HTMLElement>('.react-flow__viewport');
    if (!viewport) return;
    setExporting(true);
    try {
      await exportMapPng(viewport, flow.getNodesBounds(flow.getNodes()), {
        fileName: t('contacts.map.fileName', { account: account.name }),
        background: scheme === 'dark' ? '#1a1b1e' : '#ffffff',
      });
    } catch {
      notifications.show({ color: 'red', message: t('contacts.map.exportFailed') });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="md" wrap="nowrap" miw={0}>
          {leading}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Tooltip label={canEdit ? t('contacts.map.hint') : t('contacts.map.readOnlyHint')} multiline w={340} openDelay={100}>
            <ThemeIcon variant="subtle" color="gray" size="md" aria-label={t('contacts.map.help')} tabIndex={0}>
              <IconHelpCircle size={18} />
            </ThemeIcon>
          </Tooltip>
          {canEdit && (
            <Tooltip label={t('contacts.map.arrangeHint')} multiline w={260} openDelay={300}>
              <ActionIcon
                variant="default"
                size="lg"
                disabled={automatic}
                onClick={() => save.mutate({ positions: map.nodes.map((c) => ({ contactId: c.id, x: null, y: null })) })}
                aria-label={t('contacts.map.arrange')}
                data-testid="map-arrange"
              >
                <IconHierarchy2 size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={exportPng}
            loading={exporting}
            data-testid="map-export"
          >
            {t('contacts.map.exportPng')}
          </Button>
          {trailing}
        </Group>
      </Group>
      {above}
      <Box
        ref={wrapper}
        h={height}
        style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden' }}
        data-testid="relationship-map"
        aria-label={t('contacts.map.label', { account: account.name })}
      >
        <ReactFlow<StakeholderNodeType, ReportsToEdgeType>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChangeSafe}
          onEdgesChange={onEdgesChange}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          onEdgesDelete={onEdgesDelete}
          onNodeClick={(_, node) => onOpen(node.data.contact)}
          isValidConnection={isValidConnection}
          nodesDraggable={canEdit}
          nodesConnectable={canEdit}
          edgesFocusable={canEdit}
          deleteKeyCode={canEdit ? ['Backspace', 'Delete'] : null}
          connectionLineStyle={{ stroke: 'var(--mantine-color-teal-6)', strokeWidth: 2 }}
          connectionRadius={30}
          zoomOnDoubleClick={false}
          minZoom={0.2}
          maxZoom={2}
          fitView
          fitViewOptions={{ padding: 0.15, maxZoom: 1.1 }}
          colorMode={scheme}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={20} size={1} />
          <Panel position="top-left">
            <SaveStatus status={status} automatic={automatic} onRetry={() => failed.current && save.mutate(failed.current)} />
          </Panel>
          <Controls showInteractive={false} position="bottom-right" />
        </ReactFlow>
      </Box>
      <MapLegend />
    </Stack>
  );
}

/** As tall as the window allows below the element (but never cramped), so the whole chart is in view. */
function useFillHeight(ref: RefObject<HTMLElement | null>, layoutKey: unknown, min = 400, below = 44): number {
  const [height, setHeight] = useState(min);
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured again when what sits above the map changes
  useLayoutEffect(() => {
    const update = () => {
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - below)));
    };
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [ref, layoutKey, min, below]);
  return height;
}

function SaveStatus({ status, automatic, onRetry }: { status: string; automatic: boolean; onRetry: () => void }) {
  const { t } = useTranslation();
  if (status === 'saving')
    return (
      <Group gap={4} wrap="nowrap" data-testid="map-status">
        <Loader size={12} />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('contacts.map.saving')}
        </Text>
      </Group>
    );
  if (status === 'error')
    return (
      <Group gap={4} wrap="nowrap" data-testid="map-status">
        <IconAlertCircle size={14} color="var(--mantine-color-red-6)" />
        <Text size="xs" c="red" style={{ whiteSpace: 'nowrap' }}>
          {t('contacts.map.notSaved')}
        </Text>
        <Button variant="subtle" size="compact-xs" onClick={onRetry}>
          {t('contacts.map.retry')}
        </Button>
      </Group>
    );
  if (automatic)
    return (
      <Group gap={4} wrap="nowrap" data-testid="map-status">
        <IconSparkles size={14} color="var(--mantine-color-dimmed)" />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('contacts.map.autoLayout')}
        </Text>
      </Group>
    );
  if (status === 'saved')
    return (
      <Group gap={4} wrap="nowrap" data-testid="map-status">
        <IconCheck size={14} color="var(--mantine-color-teal-6)" />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('contacts.map.saved')}
        </Text>
      </Group>
    );
  return null;
}
