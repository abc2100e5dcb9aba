import { Button, Group, Stack, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import { IconCircleCheck, IconLinkOff } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../src/core/contracts';
import { api, errorMessage } from '../../app/api';
import { AuthLayout } from '../../ui/AuthLayout';
import { Empty } from '../../ui/Empty';
import { FullPageLoader } from '../../ui/FullPageLoader';
import { LanguageSwitch } from '../../ui/LanguageSwitch';

interface PublicSurvey {
  company: string;
  locale: Locale;
  answered: boolean;
  reference: string | null;
}

const scores = [1, 2, 3, 4, 5] as const;
const colors: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'yellow', 4: 'lime', 5: 'teal' };

/** The client's page behind the survey link: one question, a 1–5 score and a comment; no sign-in. */
export function SurveyPage() {
  const { t, i18n } = useTranslation();
  const { token } = useParams({ from: '/survey/$token' });
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const survey = useQuery({
    queryKey: ['public-survey', token],
    queryFn: () => api.get<PublicSurvey>(`/api/public/surveys/${encodeURIComponent(token)}`),
    retry: false,
  });
  const locale = survey.data?.locale;
  useEffect(() => {
    if (locale && i18n.resolvedLanguage !== locale) void i18n.changeLanguage(locale);
  }, [locale, i18n]);
  const answer = useMutation({
    mutationFn: () => api.post(`/api/public/surveys/${encodeURIComponent(token)}`, { score, comment: comment.trim() || undefined }),
  });

  if (survey.isPending) return <FullPageLoader />;
  const tools = <LanguageSwitch value={i18n.resolvedLanguage ?? 'en'} onChange={(l) => void i18n.changeLanguage(l)} />;
  if (survey.isError)
    return (
      <AuthLayout tools={tools} width={520}>
        <Empty icon={<IconLinkOff size={28} />} title={t('service.survey.invalidTitle')} text={t('service.survey.invalidText')} />
      </AuthLayout>
    );
  const s = survey.data;
  if (answer.isSuccess || s.answered)
    return (
      <AuthLayout tools={tools} width={520}>
        <div data-testid={answer.isSuccess ? 'survey-thanks' : 'survey-answered'}>
          <Empty
            icon={<IconCircleCheck size={28} />}
            title={answer.isSuccess ? t('service.survey.thanksTitle') : t('service.survey.answeredTitle')}
            text={t(answer.isSuccess ? 'service.survey.thanksText' : 'service.survey.answeredText', { company: s.company })}
          />
        </div>
      </AuthLayout>
    );
  return (
    <AuthLayout tools={tools} width={560}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!score) {
            setMissing(true);
            return;
          }
          answer.mutate();
        }}
        data-testid="survey-form"
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed" fw={600} tt="uppercase">
            {s.company}
          </Text>
          <Title order={2} fz={22}>
            {s.reference ? t('service.survey.questionComplaint', { reference: s.reference }) : t('service.survey.question')}
          </Title>
          <div role="radiogroup" aria-label={t('service.survey.scale')}>
            <Group gap="xs" grow>
              {scores.map((n) => (
                <UnstyledButton
                  key={n}
                  role="radio"
                  aria-checked={score === n}
                  aria-label={`${n} — ${t(`service.survey.labels.s${n}`)}`}
                  onClick={() => {
                    setScore(n);
                    setMissing(false);
                  }}
                  data-testid={`survey-score-${n}`}
                  style={{
                    border: `2px solid var(--mantine-color-${score === n ? colors[n] : 'gray'}-${score === n ? 6 : 3})`,
                    background: score === n ? `var(--mantine-color-${colors[n]}-light)` : undefined,
                    borderRadius: 10,
                    padding: '10px 4px',
                    textAlign: 'center',
                  }}
                >
                  <Text fz={24} fw={700} c={score === n ? `${colors[n]}.8` : undefined}>
                    {n}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.2}>
                    {t(`service.survey.labels.s${n}`)}
                  </Text>
                </UnstyledButton>
              ))}
            </Group>
          </div>
          {missing && (
            <Text size="sm" c="red">
              {t('service.survey.pickScore')}
            </Text>
          )}
          <Textarea
            label={t('service.survey.comment')}
            placeholder={t('service.survey.commentPlaceholder')}
            autosize
            minRows={3}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          {answer.isError && (
            <Text size="sm" c="red">
              {errorMessage(answer.error)}
            </Text>
          )}
          <Button type="submit" loading={answer.isPending} data-testid="survey-submit">
            {t('service.survey.send')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
