"""Drives a real Label Studio through its SDK, as a project owner and an annotator would; run by
the Label Studio environment's Python (see test_labelstudio.py), given a JSON plan:
{"url", "token", "config", "tasks", "annotations": [result list or null per task], "export"}."""

import json
import sys

from label_studio_sdk import LabelStudio

plan = json.load(open(sys.argv[1], encoding="utf-8"))
ls = LabelStudio(base_url=plan["url"], api_key=plan["token"])
project = ls.projects.create(title="unspin round trip", label_config=plan["config"])
ls.projects.import_tasks(id=project.id, request=plan["tasks"])
tasks = sorted(ls.tasks.list(project=project.id), key=lambda t: t.id)
assert len(tasks) == len(plan["tasks"]), (len(tasks), len(plan["tasks"]))
for task, result in zip(tasks, plan["annotations"]):
    if result is not None:
        ls.annotations.create(id=task.id, result=result, was_cancelled=False)
data = b"".join(ls.projects.exports.download_sync(project.id, export_type="JSON", download_all_tasks=True))
open(plan["export"], "wb").write(data)
print(json.dumps({"project": project.id, "tasks": len(tasks)}))
