import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../router/route';

export function NotFoundScreen({ path }: { path: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="not-found">
      <Title order={2}>{t('notFound.title')}</Title>
      <Text>{t('notFound.description', { path })}</Text>
      <Anchor href={hrefOf({ name: 'meetings' })}>{t('notFound.home')}</Anchor>
    </Stack>
  );
}
