#!/bin/sh
# The guide's CLI table (CLI Command): list what a project has, without the console.
# Needs EM_APPKEY and EM_ACCESS_TOKEN; with EM_PROFILE=local (and EM_API_URL) it lists EasyMaker Local's.
set -e
python -m easymaker --region kr1 --appkey "$EM_APPKEY" --access_token "$EM_ACCESS_TOKEN" -instance
python -m easymaker --region kr1 --appkey "$EM_APPKEY" --access_token "$EM_ACCESS_TOKEN" -image
python -m easymaker --region kr1 --appkey "$EM_APPKEY" --access_token "$EM_ACCESS_TOKEN" -algorithm
python -m easymaker --region kr1 --appkey "$EM_APPKEY" --access_token "$EM_ACCESS_TOKEN" -experiment
python -m easymaker --region kr1 --appkey "$EM_APPKEY" --access_token "$EM_ACCESS_TOKEN" -training
python -m easymaker --region kr1 --appkey "$EM_APPKEY" --access_token "$EM_ACCESS_TOKEN" -tuning
python -m easymaker --region kr1 --appkey "$EM_APPKEY" --access_token "$EM_ACCESS_TOKEN" -model
python -m easymaker --region kr1 --appkey "$EM_APPKEY" --access_token "$EM_ACCESS_TOKEN" -endpoint
