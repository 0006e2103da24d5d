import AddAPhotoIcon from '@mui/icons-material/AddAPhoto';
import DeleteIcon from '@mui/icons-material/Delete';
import DownloadIcon from '@mui/icons-material/GetApp';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Box, Card, CardActions, CardContent, CardMedia, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import {
  Button,
  type HttpError,
  useCanAccess,
  useDataProvider,
  useDelete,
  useGetList,
  useNotify,
  useTranslate,
} from 'react-admin';
import type { EvidenceRecord, FindingRecord } from '../inspections/inspectionTypes';
import { saveFile } from '../common/saveFile';
import { useEvidenceContent, useUploadEvidence } from '../providers/apiQueries';
import type { AdalDeskDataProvider } from '../providers/dataProvider';

/** Images a browser draws; HEIC (iPhone) and PDF are offered as downloads only. */
const DRAWABLE = ['image/jpeg', 'image/png', 'image/webp'];

/** A URL an <img> can show `blob` by, released when the blob changes or the image goes. */
function useObjectUrl(blob: Blob | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return;
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [blob]);
  return url;
}

/** A photo's thumbnail, fetched with the bearer token (which an <img src> cannot send). */
const Thumbnail = ({ file }: { file: EvidenceRecord }) => {
  const { data: content } = useEvidenceContent(file.id, { enabled: DRAWABLE.includes(file.contentType) });
  const url = useObjectUrl(content?.blob);
  if (!url) {
    return (
      <Box sx={{ height: 120, display: 'grid', placeItems: 'center', bgcolor: 'action.hover' }}>
        <PictureAsPdfIcon color="disabled" />
      </Box>
    );
  }
  return <CardMedia component="img" image={url} alt={file.fileName} sx={{ height: 120, objectFit: 'cover' }} />;
};

const EvidenceCard = ({
  file,
  writable,
  onDeleted,
}: {
  file: EvidenceRecord;
  writable: boolean;
  onDeleted(): void;
}) => {
  const dataProvider = useDataProvider<AdalDeskDataProvider>();
  const notify = useNotify();
  const [remove, { isPending: removing }] = useDelete();
  const { canAccess: canDelete } = useCanAccess({ resource: 'evidence-files', action: 'delete', record: file });
  const deleteFile = () =>
    remove(
      'evidence-files',
      { id: file.id, previousData: file },
      {
        mutationMode: 'pessimistic',
        onSuccess: onDeleted,
        onError: (error) => notify((error as HttpError).message || 'ra.notification.http_error', { type: 'error' }),
      },
    );
  const download = async () => {
    try {
      const { blob } = await dataProvider.evidenceContent(file.id);
      saveFile(blob, file.fileName);
    } catch (error) {
      notify((error as HttpError).message || 'ra.notification.http_error', { type: 'error' });
    }
  };
  return (
    <Card variant="outlined" sx={{ width: 200 }} data-testid="evidence-file" data-file-name={file.fileName}>
      <Thumbnail file={file} />
      <CardContent sx={{ py: 1 }}>
        <Typography variant="body2" noWrap title={file.fileName}>
          {file.fileName}
        </Typography>
        <Typography variant="caption" color="text.secondary" title={`SHA-256 ${file.sha256}`}>
          {`${Math.ceil(file.sizeBytes / 1024)} KB · ${file.sha256.slice(0, 12)}…`}
        </Typography>
      </CardContent>
      <CardActions>
        <Button label="app.evidence.download" onClick={download} data-testid="evidence-download">
          <DownloadIcon />
        </Button>
        {writable && canDelete && (
          <Button label="ra.action.delete" onClick={deleteFile} disabled={removing} color="error">
            <DeleteIcon />
          </Button>
        )}
      </CardActions>
    </Card>
  );
};

/**
 * A photo input that opens the phone's camera (`capture`) and uploads at once; used on the finding
 * page and in quick finding entry.
 */
export const PhotoInput = ({ onFile, disabled }: { onFile(file: File): void; disabled?: boolean }) => {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/*,application/pdf"
        capture="environment"
        hidden
        data-testid="evidence-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          event.target.value = '';
        }}
      />
      <Button label="app.evidence.add_photo" onClick={() => input.current?.click()} disabled={disabled}>
        <AddAPhotoIcon />
      </Button>
    </>
  );
};

/** The evidence of one finding: thumbnails, downloads, and uploads for those who act on it. */
export const EvidencePanel = ({ finding, writable }: { finding: FindingRecord; writable: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { mutate: uploadEvidence, isPending: uploading } = useUploadEvidence();
  const { data = [], refetch } = useGetList<EvidenceRecord>('evidence-files', {
    filter: { findingId: finding.id },
    sort: { field: 'createdAt', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });
  const { canAccess: canUpload } = useCanAccess({
    resource: 'evidence-files',
    action: 'create',
    record: { id: finding.id, regionId: finding.regionId },
  });
  const upload = (file: File) =>
    uploadEvidence(
      { findingId: finding.id, file },
      {
        onSuccess: () => notify('app.evidence.uploaded', { type: 'success' }),
        onError: (error) => notify((error as HttpError).message || 'ra.notification.http_error', { type: 'error' }),
      },
    );
  return (
    <Box component="section" sx={{ mb: 2 }} data-testid="evidence">
      <Typography variant="subtitle1" gutterBottom>
        {translate('app.evidence.title')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        {data.length === 0 && <Typography variant="body2">{translate('app.evidence.none')}</Typography>}
        {data.map((file) => (
          <EvidenceCard key={file.id} file={file} writable={writable} onDeleted={() => void refetch()} />
        ))}
      </Box>
      {writable && canUpload && <PhotoInput onFile={upload} disabled={uploading} />}
    </Box>
  );
};
